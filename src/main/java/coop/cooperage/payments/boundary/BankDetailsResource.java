package coop.cooperage.payments.boundary;

import coop.cooperage.identity.control.Caller;
import coop.cooperage.identity.entity.Role;
import coop.cooperage.members.control.Register;
import coop.cooperage.members.entity.Member;
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

/**
 * A member's bank details, entered by the secretary or treasurer (from a form the member sent
 * in, say). Shown masked only; the member is emailed when they change.
 */
@Path("api/v1/societies/{society}/bank-details")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Bank details")
public class BankDetailsResource {

    static final Role[] KEEPERS = {Role.SECRETARY, Role.TREASURER};

    @Inject
    Societies societies;

    @Inject
    Register register;

    @Inject
    BankAccounts accounts;

    @Inject
    Caller caller;

    @PathParam("society")
    String slug;

    @GET
    @Path("{number: [0-9]+}")
    @Operation(summary = "A member's bank details, masked (secretary, treasurer)")
    public MaskedBankDetails get(@PathParam("number") long number) {
        Society society = societies.forCaller(slug, KEEPERS);
        Member member = register.byNumber(society, number);
        return accounts.of(member).map(MaskedBankDetails::of)
                .orElseThrow(() -> new NoSuchResourceException("Member " + number + " has given no bank details"));
    }

    @PUT
    @Path("{number: [0-9]+}")
    @Transactional
    @Operation(summary = "Enter or change a member's bank details (secretary, treasurer); the member is emailed")
    public MaskedBankDetails set(@PathParam("number") long number, BankDetailsInput input) {
        if (input == null) {
            throw new InvalidInputException("body", "Send the sort code, account number and name on the account");
        }
        Society society = societies.forCaller(slug, KEEPERS);
        Member member = register.byNumber(society, number);
        return MaskedBankDetails.of(accounts.set(society, member, input.sortCode(), input.accountNumber(), input.accountName(),
                caller.requireAccount().email()));
    }
}
