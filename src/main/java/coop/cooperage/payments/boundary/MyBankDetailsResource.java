package coop.cooperage.payments.boundary;

import coop.cooperage.identity.control.Caller;
import coop.cooperage.identity.entity.Role;
import coop.cooperage.members.control.PersonalData;
import coop.cooperage.members.entity.Member;
import coop.cooperage.members.entity.MemberState;
import coop.cooperage.payments.boundary.PaymentJson.BankDetailsInput;
import coop.cooperage.payments.boundary.PaymentJson.MaskedBankDetails;
import coop.cooperage.payments.control.BankAccounts;
import coop.cooperage.platform.control.InvalidInputException;
import coop.cooperage.platform.control.NoSuchResourceException;
import coop.cooperage.society.control.Societies;
import coop.cooperage.society.entity.Society;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A member's own bank details: shown masked, changed by the member (who is emailed about it). */
@Path("api/v1/societies/{society}/my-bank-details")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Bank details")
public class MyBankDetailsResource {

    @Inject
    Societies societies;

    @Inject
    PersonalData personalData;

    @Inject
    BankAccounts accounts;

    @Inject
    Caller caller;

    @PathParam("society")
    String slug;

    @GET
    @Operation(summary = "Your bank details, masked")
    public MaskedBankDetails get() {
        Member member = me();
        return accounts.of(member).map(MaskedBankDetails::of)
                .orElseThrow(() -> new NoSuchResourceException("You have not given bank details"));
    }

    @PUT
    @Transactional
    @Operation(summary = "Give or change your bank details; we email you that they changed")
    public MaskedBankDetails set(BankDetailsInput input) {
        if (input == null) {
            throw new InvalidInputException("body", "Send the sort code, account number and name on the account");
        }
        Society society = societies.forCaller(slug, Role.values());
        Member member = me();
        return MaskedBankDetails.of(accounts.set(society, member, input.sortCode(), input.accountNumber(), input.accountName(),
                caller.requireAccount().email()));
    }

    private Member me() {
        Society society = societies.forCaller(slug, Role.values());
        return personalData.memberFor(society, caller.requireAccount()).filter(m -> m.state() == MemberState.MEMBER)
                .orElseThrow(() -> new NoSuchResourceException("You are not a member of this society"));
    }
}
