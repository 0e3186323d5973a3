package coop.cooperage.shares.boundary;

import coop.cooperage.identity.control.Caller;
import coop.cooperage.identity.entity.Account;
import coop.cooperage.identity.entity.Role;
import coop.cooperage.members.control.PersonalData;
import coop.cooperage.members.entity.Member;
import coop.cooperage.money.Money;
import coop.cooperage.platform.control.InvalidInputException;
import coop.cooperage.platform.control.NoSuchResourceException;
import coop.cooperage.platform.control.Transactions;
import coop.cooperage.shares.control.Offers;
import coop.cooperage.shares.control.ShareApplications;
import coop.cooperage.shares.entity.ShareApplication;
import coop.cooperage.shares.entity.ShareOffer;
import coop.cooperage.society.control.Societies;
import coop.cooperage.society.entity.Society;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Share offers and applications for them. The public reads published offers and applies
 * without signing in; the secretary drafts and runs offers; officers read everything; an
 * investor sees and withdraws their own applications.
 */
@Path("api/v1/societies/{society}/offers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Share offers")
public class OffersResource {

    public record Extension(LocalDate closesOn) {
    }

    @Inject
    Societies societies;

    @Inject
    Offers offers;

    @Inject
    ShareApplications applications;

    @Inject
    PersonalData personalData;

    @Inject
    Caller caller;

    @Inject
    Transactions tx;

    @PathParam("society")
    String slug;

    @GET
    @Operation(summary = "Offers: every offer for officers, published ones (not drafts) for anyone else")
    public List<OfferJson> list() {
        Society society = society();
        var list = isOfficer(society) ? offers.all(society) : offers.published(society);
        return list.stream().map(o -> OfferJson.of(o, offers.progress(o))).toList();
    }

    @POST
    @Transactional
    @Operation(summary = "Draft a new offer (secretary)")
    public Response create(OfferJson input) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        ShareOffer offer = offers.create(society, body(input).terms(society.rules().nominalShareValue()));
        return Response.status(201).entity(OfferJson.of(offer, offers.progress(offer))).build();
    }

    @GET
    @Path("{offer}")
    @Operation(summary = "One offer with money raised and investors; drafts only for officers")
    public OfferJson get(@PathParam("offer") String offerSlug) {
        Society society = society();
        ShareOffer offer = isOfficer(society) ? offers.bySlug(society, offerSlug) : offers.publishedBySlug(society, offerSlug);
        return OfferJson.of(offer, offers.progress(offer));
    }

    @PUT
    @Path("{offer}")
    @Transactional
    @Operation(summary = "Change a draft offer's terms (secretary)")
    public OfferJson revise(@PathParam("offer") String offerSlug, OfferJson input) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        ShareOffer offer = offers.revise(society, offerSlug, body(input).terms(society.rules().nominalShareValue()));
        return OfferJson.of(offer, offers.progress(offer));
    }

    @PUT
    @Path("{offer}/document")
    @Consumes("application/pdf")
    @Transactional
    @Operation(summary = "Upload the offer document (a PDF under 10 MB) to a draft offer (secretary)")
    public OfferJson replaceDocument(@PathParam("offer") String offerSlug, byte[] pdf) {
        return document(offerSlug, pdf);
    }

    @POST
    @Path("{offer}/document")
    @Consumes("application/pdf")
    @Transactional
    @Operation(summary = "The same as PUT, for clients that can only POST a file")
    public OfferJson document(@PathParam("offer") String offerSlug, byte[] pdf) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        ShareOffer offer = offers.attachDocument(society, offerSlug, offerSlug + ".pdf", pdf);
        return OfferJson.of(offer, offers.progress(offer));
    }

    @GET
    @Path("{offer}/document")
    @Produces("application/pdf")
    @Operation(summary = "The offer document")
    public Response download(@PathParam("offer") String offerSlug) {
        Society society = society();
        ShareOffer offer = isOfficer(society) ? offers.bySlug(society, offerSlug) : offers.publishedBySlug(society, offerSlug);
        return pdf(offers, offer);
    }

    static Response pdf(Offers offers, ShareOffer offer) {
        if (!offer.hasDocument()) {
            throw new NoSuchResourceException("This offer has no document yet");
        }
        return Response.ok(offers.document(offer), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"" + offer.documentName().replace("\"", "") + "\"")
                .header("X-Content-Type-Options", "nosniff").build();
    }

    @POST
    @Path("{offer}/opening")
    @Transactional
    @Operation(summary = "Open a draft offer for applications; it needs its document and a way to pay (secretary)")
    public OfferJson open(@PathParam("offer") String offerSlug) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        return json(offers.open(society, offerSlug));
    }

    @POST
    @Path("{offer}/extension")
    @Transactional
    @Operation(summary = "Move an offer's closing date later (secretary)")
    public OfferJson extend(@PathParam("offer") String offerSlug, Extension input) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        return json(offers.extend(society, offerSlug, input == null ? null : input.closesOn()));
    }

    @POST
    @Path("{offer}/closing")
    @Transactional
    @Operation(summary = "Close an open offer to applications (secretary)")
    public OfferJson close(@PathParam("offer") String offerSlug) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        return json(offers.close(society, offerSlug));
    }

    @POST
    @Path("{offer}/cancellation")
    @Transactional
    @Operation(summary = "Cancel an offer before allotment: a refund payout for every paid application (secretary)")
    public OfferJson cancel(@PathParam("offer") String offerSlug) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        return json(offers.cancel(society, offerSlug));
    }

    @POST
    @Path("{offer}/failure")
    @Transactional
    @Operation(summary = "Mark a closed offer that missed its minimum target as failed: a refund payout for every paid application (secretary)")
    public OfferJson fail(@PathParam("offer") String offerSlug) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        return json(offers.fail(society, offerSlug));
    }

    @GET
    @Path("{offer}/applications")
    @Operation(summary = "Every application to an offer, with what has been paid (officers)")
    public List<ApplicationJson> applicationsOf(@PathParam("offer") String offerSlug) {
        Society society = societies.forCaller(slug, Societies.OFFICERS);
        ShareOffer offer = offers.bySlug(society, offerSlug);
        return applications.forOffer(offer).stream().map(p -> ApplicationJson.of(society, offer, p)).toList();
    }

    @POST
    @Path("{offer}/applications")
    @Operation(summary = "Apply for shares: a signed-in member as themselves, anyone else with their membership details as"
            + " investor. The same idempotency key returns the first application (200) instead of making another (201)")
    public Response apply(@PathParam("offer") String offerSlug, ApplyJson input) {
        ApplyJson in = body(input);
        Society society = society();
        var request = new ShareApplications.Request(in.amountPence() == null ? null : Money.ofPence(in.amountPence()), in.paymentMethod(),
                in.idempotencyKey(), Boolean.TRUE.equals(in.declarations()));
        Optional<Account> account = caller.account();
        Optional<Member> member = in.investor() == null && account.isPresent() ? coop.cooperage.shares.boundary.web.OfferPages.memberOf(personalData, society, account.get())
                : Optional.empty();
        if (in.investor() == null && member.isEmpty()) {
            throw new InvalidInputException("investor", account.isPresent()
                    ? "You are not a member of this society: send your membership details as investor"
                    : "Sign in as a member, or send your membership details as investor");
        }
        var earlier = applications.byIdempotencyKey(society, in.idempotencyKey());
        if (earlier.isPresent()) {
            return Response.ok(mine(society, earlier.get())).build();
        }
        ShareApplication made;
        try {
            Long accountId = account.map(Account::id).orElse(null);
            made = tx.call(() -> member.isPresent()
                    ? applications.applyAsMember(society, offerSlug, member.get().id(), accountId, account.get().email(), request)
                    : applications.applyAsNewInvestor(society, offerSlug, in.investor().details(), accountId, request));
        } catch (InvalidInputException e) {
            throw e;
        } catch (RuntimeException e) {
            // two identical submissions at once: the loser of the race on the unique key answers with the winner's application
            made = applications.byIdempotencyKey(society, in.idempotencyKey()).orElseThrow(() -> e);
            return Response.ok(mine(society, made)).build();
        }
        return Response.status(201).entity(mine(society, made)).build();
    }

    @GET
    @Path("my-applications")
    @Operation(summary = "Your own applications for shares in this society, with what you have paid")
    public List<ApplicationJson> myApplications() {
        Society society = society();
        Member member = signedInMember(society);
        return applications.ofMember(society, member.id()).stream()
                .map(p -> ApplicationJson.of(society, offers.byId(p.application().offerId()), p)).toList();
    }

    @POST
    @Path("my-applications/{reference}/withdrawal")
    @Operation(summary = "Withdraw your application while the offer is open; anything paid is refunded")
    public ApplicationJson withdraw(@PathParam("reference") String reference) {
        Society society = society();
        Member member = signedInMember(society);
        ShareApplication a = tx.call(() -> applications.withdraw(society, member.id(), reference));
        return mine(society, a);
    }

    private ApplicationJson mine(Society society, ShareApplication a) {
        ShareOffer offer = offers.byId(a.offerId());
        var paid = offers.paidByApplication(List.of(a.id())).getOrDefault(a.id(), Money.ZERO);
        return ApplicationJson.of(society, offer, new ShareApplications.Paid(a, paid));
    }

    private Member signedInMember(Society society) {
        Account account = caller.requireAccount();
        return coop.cooperage.shares.boundary.web.OfferPages.memberOf(personalData, society, account)
                .orElseThrow(() -> new NoSuchResourceException("You have no membership or applications in this society"));
    }

    private OfferJson json(ShareOffer offer) {
        return OfferJson.of(offer, offers.progress(offer));
    }

    private Society society() {
        return societies.bySlug(slug).orElseThrow(() -> new NoSuchResourceException("No such society"));
    }

    private boolean isOfficer(Society society) {
        return caller.isSignedIn() && (caller.isPlatformAdmin() || caller.rolesIn(society.id()).stream().anyMatch(Role::isOfficer));
    }

    private static <T> T body(T input) {
        if (input == null) {
            throw new InvalidInputException("body", "Send a JSON body");
        }
        return input;
    }
}
