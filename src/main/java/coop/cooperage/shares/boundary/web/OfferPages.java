package coop.cooperage.shares.boundary.web;

import coop.cooperage.identity.control.Caller;
import coop.cooperage.identity.entity.Account;
import coop.cooperage.members.control.PersonalData;
import coop.cooperage.members.entity.EmailPurpose;
import coop.cooperage.members.entity.Member;
import coop.cooperage.members.entity.MemberDetails;
import coop.cooperage.members.entity.MemberKind;
import coop.cooperage.money.Money;
import coop.cooperage.platform.boundary.web.Flash;
import coop.cooperage.platform.boundary.web.FormInput;
import coop.cooperage.platform.boundary.web.Page;
import coop.cooperage.platform.control.FieldErrors;
import coop.cooperage.platform.control.InvalidInputException;
import coop.cooperage.platform.control.NoSuchResourceException;
import coop.cooperage.platform.control.Transactions;
import coop.cooperage.shares.control.ApplicationRules;
import coop.cooperage.shares.control.Offers;
import coop.cooperage.shares.control.ShareApplications;
import coop.cooperage.shares.entity.PaymentMethod;
import coop.cooperage.shares.entity.ShareApplication;
import coop.cooperage.shares.entity.ShareOffer;
import coop.cooperage.society.control.Societies;
import coop.cooperage.society.entity.Society;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The public offer page (no sign-in) and the investor's application, one thing per page: an
 * existing member signs in and comes back; anyone else gives their membership details. Answers
 * live in the session until sent; the check page carries the journey's idempotency key, so a
 * double-submitted form makes one application.
 */
@Path("s/{society}/offers")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class OfferPages {

    private static final List<String> ABOUT = List.of("kind", "name", "representative", "dateOfBirth-day", "dateOfBirth-month",
            "dateOfBirth-year", "registeredSociety");
    private static final List<String> CONTACT = List.of("address", "postcode", "email");

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

    @Context
    HttpServletRequest request;

    @PathParam("society")
    String slug;

    @GET
    public Page published() {
        Society society = society();
        var list = offers.published(society);
        var progress = new HashMap<Long, Offers.Progress>();
        list.forEach(o -> progress.put(o.id(), offers.progress(o)));
        return Page.of("shares/offers/public-list").with("title", "Share offers").with("society", society).with("offers", list)
                .with("progress", progress);
    }

    @GET
    @Path("{offer}")
    public Page offer(@PathParam("offer") String offerSlug) {
        Society society = society();
        ShareOffer offer = offers.publishedBySlug(society, offerSlug);
        var progress = offers.progress(offer);
        long percent = Math.min(100, progress.raised().pence() * 100 / Math.max(1, offer.maxTarget().pence()));
        return Page.of("shares/offers/public").with("title", offer.title()).with("society", society).with("offer", offer)
                .with("progress", progress).with("percent", percent).with("accepting", offer.acceptsApplicationsOn(offers.today()))
                .with("keyFacts", lines(offer.keyFacts())).with("risks", lines(offer.risks()));
    }

    @GET
    @Path("{offer}/document")
    @Produces("application/pdf")
    public Response document(@PathParam("offer") String offerSlug) {
        Society society = society();
        ShareOffer offer = isOfficer(society) ? offers.bySlug(society, offerSlug) : offers.publishedBySlug(society, offerSlug);
        if (!offer.hasDocument()) {
            throw new NoSuchResourceException("This offer has no document yet");
        }
        return Response.ok(offers.document(offer), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"" + offer.documentName().replace("\"", "") + "\"").build();
    }

    /** The start: a signed-in member goes straight to the amount; anyone else says whether they are a member. */
    @GET
    @Path("{offer}/apply")
    public Response start(@PathParam("offer") String offerSlug) {
        Society society = society();
        ShareOffer offer = offers.publishedBySlug(society, offerSlug);
        var answers = answers(offerSlug);
        answers.remove("done");
        answers.put("key", UUID.randomUUID().toString());
        Optional<Member> member = signedInMember(society);
        if (!offer.acceptsApplicationsOn(offers.today())) {
            return Response.ok(page(society, offer, "shares/offers/apply-closed", "This offer is not open", Map.of())).build();
        }
        if (member.isPresent()) {
            answers.put("mode", "member");
            return redirect(offerSlug, "amount");
        }
        return Response.ok(page(society, offer, "shares/offers/apply-start", "Are you already a member?", Map.of())).build();
    }

    @POST
    @Path("{offer}/apply")
    public Response choose(@PathParam("offer") String offerSlug, MultivaluedMap<String, String> form) {
        Society society = society();
        ShareOffer offer = offers.publishedBySlug(society, offerSlug);
        String choice = new FormInput(form).text("member");
        var answers = answers(offerSlug);
        answers.putIfAbsent("key", UUID.randomUUID().toString());
        if ("yes".equals(choice)) {
            if (signedInMember(society).isPresent()) {
                answers.put("mode", "member");
                return redirect(offerSlug, "amount");
            }
            String next = "/s/" + slug + "/offers/" + offerSlug + "/apply";
            return Response.seeOther(java.net.URI.create(request.getContextPath() + "/sign-in?next="
                    + URLEncoder.encode(next, StandardCharsets.UTF_8))).build();
        }
        if ("no".equals(choice)) {
            answers.put("mode", "new");
            caller.account().ifPresent(a -> answers.putIfAbsent("email", a.email()));
            return redirect(offerSlug, "about");
        }
        return Response.status(400).entity(page(society, offer, "shares/offers/apply-start", "Are you already a member?",
                Map.of("member", "Choose whether you are already a member of " + society.name()))).build();
    }

    @GET
    @Path("{offer}/apply/about")
    public Page about(@PathParam("offer") String offerSlug) {
        Society society = society();
        return page(society, offers.publishedBySlug(society, offerSlug), "shares/offers/apply-about", "About you", Map.of());
    }

    @POST
    @Path("{offer}/apply/about")
    public Response saveAbout(@PathParam("offer") String offerSlug, MultivaluedMap<String, String> form) {
        Society society = society();
        ShareOffer offer = offers.publishedBySlug(society, offerSlug);
        var in = new FormInput(form);
        save(offerSlug, in, ABOUT);
        var errors = new FieldErrors();
        in.choice("kind", MemberKind.class, "Choose whether you are applying as a person or for an organisation");
        MemberDetails d = details(answers(offerSlug), errors);
        errors.merge(in.errors());
        d.validate(offers.today(), society.rules().minimumAge()).list().stream()
                .filter(e -> List.of("name", "representative", "dateOfBirth").contains(e.field())).forEach(e -> errors.add(e.field(), e.message()));
        if (d.kind() == MemberKind.INDIVIDUAL && d.dateOfBirth() == null && !errors.has("dateOfBirth")) {
            errors.add("dateOfBirth", "Enter your date of birth");
        }
        ApplicationRules.eligibility(offer, society.areaOfBenefit(), applicant(d), offers.today()).list().stream()
                .filter(e -> !e.field().equals("postcode")).forEach(e -> errors.add(e.field(), e.message()));
        return errors.isEmpty() ? redirect(offerSlug, "contact")
                : Response.status(400).entity(page(society, offer, "shares/offers/apply-about", "About you", errors.byField())).build();
    }

    @GET
    @Path("{offer}/apply/contact")
    public Page contact(@PathParam("offer") String offerSlug) {
        Society society = society();
        return page(society, offers.publishedBySlug(society, offerSlug), "shares/offers/apply-contact", "Your contact details", Map.of());
    }

    @POST
    @Path("{offer}/apply/contact")
    public Response saveContact(@PathParam("offer") String offerSlug, MultivaluedMap<String, String> form) {
        Society society = society();
        ShareOffer offer = offers.publishedBySlug(society, offerSlug);
        save(offerSlug, new FormInput(form), CONTACT);
        var errors = new FieldErrors();
        MemberDetails d = details(answers(offerSlug), new FieldErrors());
        d.validate(offers.today(), 0).list().stream().filter(e -> CONTACT.contains(e.field())
                && !e.message().startsWith("Enter an email address to be")).forEach(e -> errors.add(e.field(), e.message()));
        errors.check(d.email() != null || errors.has("email"), "email", "Enter your email address: we send your payment instructions to it");
        if (!errors.has("postcode")) {
            ApplicationRules.eligibility(offer, society.areaOfBenefit(), applicant(d), offers.today()).list().stream()
                    .filter(e -> e.field().equals("postcode")).forEach(e -> errors.add(e.field(), e.message()));
        }
        return errors.isEmpty() ? redirect(offerSlug, "amount")
                : Response.status(400).entity(page(society, offer, "shares/offers/apply-contact", "Your contact details", errors.byField())).build();
    }

    @GET
    @Path("{offer}/apply/amount")
    public Page amount(@PathParam("offer") String offerSlug) {
        Society society = society();
        return page(society, offers.publishedBySlug(society, offerSlug), "shares/offers/apply-amount", "How much do you want to invest?", Map.of());
    }

    @POST
    @Path("{offer}/apply/amount")
    public Response saveAmount(@PathParam("offer") String offerSlug, MultivaluedMap<String, String> form) {
        Society society = society();
        ShareOffer offer = offers.publishedBySlug(society, offerSlug);
        var answers = answers(offerSlug);
        String text = new FormInput(form).text("amount");
        answers.put("amount", text);
        try {
            Money amount = parse(text);
            ApplicationRules.requireOpen(offer, offers.today());
            Optional<Member> member = "member".equals(answers.get("mode")) ? signedInMember(society) : Optional.empty();
            var applicant = member.map(m -> new ApplicationRules.Applicant(m.kind(), m.dateOfBirth(), m.isRegisteredSociety(), m.postcode().value()))
                    .orElseGet(() -> applicant(details(answers, new FieldErrors())));
            var position = member.isPresent() ? tx.call(() -> applications.position(society, member.get().id()))
                    : ApplicationRules.Position.NONE;
            ApplicationRules.shares(offer, society.rules(), applicant, amount, position);
            return redirect(offerSlug, "payment");
        } catch (InvalidInputException e) {
            return Response.status(400).entity(page(society, offer, "shares/offers/apply-amount", "How much do you want to invest?",
                    e.byField())).build();
        }
    }

    @GET
    @Path("{offer}/apply/payment")
    public Page payment(@PathParam("offer") String offerSlug) {
        Society society = society();
        return page(society, offers.publishedBySlug(society, offerSlug), "shares/offers/apply-payment", "How will you pay?", Map.of());
    }

    @POST
    @Path("{offer}/apply/payment")
    public Response savePayment(@PathParam("offer") String offerSlug, MultivaluedMap<String, String> form) {
        Society society = society();
        ShareOffer offer = offers.publishedBySlug(society, offerSlug);
        var in = new FormInput(form);
        PaymentMethod method = in.choice("paymentMethod", PaymentMethod.class, "Choose how you will pay");
        if (method == PaymentMethod.BANK_TRANSFER && offer.bankDetails() == null || method == PaymentMethod.CHEQUE && offer.chequeAddress() == null) {
            in.errors().add("paymentMethod", "This offer does not take " + method.label().toLowerCase() + "s");
        }
        if (!in.errors().isEmpty()) {
            return Response.status(400).entity(page(society, offer, "shares/offers/apply-payment", "How will you pay?", in.errors().byField())).build();
        }
        answers(offerSlug).put("paymentMethod", method.name());
        return redirect(offerSlug, "declarations");
    }

    @GET
    @Path("{offer}/apply/declarations")
    public Page declarations(@PathParam("offer") String offerSlug) {
        Society society = society();
        return page(society, offers.publishedBySlug(society, offerSlug), "shares/offers/apply-declarations", "Declarations", Map.of());
    }

    @POST
    @Path("{offer}/apply/declarations")
    public Response saveDeclarations(@PathParam("offer") String offerSlug, MultivaluedMap<String, String> form) {
        Society society = society();
        ShareOffer offer = offers.publishedBySlug(society, offerSlug);
        var in = new FormInput(form);
        var answers = answers(offerSlug);
        var errors = new FieldErrors();
        for (String key : List.of("readDocument", "understandRisks", "agreeRules")) {
            answers.put(key, in.flag(key) ? "true" : null);
        }
        errors.check(in.flag("readDocument"), "readDocument", "Confirm that you have read the offer document");
        errors.check(in.flag("understandRisks"), "understandRisks", "Confirm that you understand you could lose the money you invest");
        if (!"member".equals(answers.get("mode"))) {
            errors.check(in.flag("agreeRules"), "agreeRules", "Confirm that you agree to be bound by the society's rules");
            for (EmailPurpose p : EmailPurpose.values()) {
                answers.put("purpose-" + p.name(), in.flag("purpose-" + p.name()) ? "true" : null);
            }
        }
        return errors.isEmpty() ? redirect(offerSlug, "check")
                : Response.status(400).entity(page(society, offer, "shares/offers/apply-declarations", "Declarations", errors.byField())).build();
    }

    @GET
    @Path("{offer}/apply/check")
    public Page check(@PathParam("offer") String offerSlug) {
        Society society = society();
        return page(society, offers.publishedBySlug(society, offerSlug), "shares/offers/apply-check", "Check your answers", Map.of());
    }

    /** Sends the application. The form's key makes a second post (a double click, the back button) find the first application. */
    @POST
    @Path("{offer}/apply/check")
    public Response send(@PathParam("offer") String offerSlug, MultivaluedMap<String, String> form) {
        Society society = society();
        ShareOffer offer = offers.publishedBySlug(society, offerSlug);
        var answers = answers(offerSlug);
        String key = new FormInput(form).text("idempotencyKey");
        if (key == null || key.isBlank()) {
            key = answers.get("key");
        }
        String idempotencyKey = key;
        var earlier = applications.byIdempotencyKey(society, idempotencyKey);
        if (earlier.isPresent()) {
            return done(offerSlug, earlier.get());
        }
        try {
            Money amount = parse(answers.get("amount"));
            PaymentMethod method = answers.get("paymentMethod") == null ? null : PaymentMethod.valueOf(answers.get("paymentMethod"));
            var req = new ShareApplications.Request(amount, method, idempotencyKey,
                    "true".equals(answers.get("readDocument")) && "true".equals(answers.get("understandRisks")));
            Optional<Account> account = caller.account();
            Long accountId = account.map(Account::id).orElse(null);
            ShareApplication made;
            if ("member".equals(answers.get("mode"))) {
                Member member = signedInMember(society).orElseThrow(() -> new InvalidInputException("member",
                        "Sign in again as a member to send your application"));
                made = tx.call(() -> applications.applyAsMember(society, offerSlug, member.id(), accountId, account.get().email(), req));
            } else {
                if (answers.get("agreeRules") == null) {
                    throw new InvalidInputException("agreeRules", "Confirm that you agree to be bound by the society's rules");
                }
                var fieldErrors = new FieldErrors();
                MemberDetails details = details(answers, fieldErrors);
                fieldErrors.throwIfAny();
                made = tx.call(() -> applications.applyAsNewInvestor(society, offerSlug, details, accountId, req));
            }
            return done(offerSlug, made);
        } catch (InvalidInputException e) {
            return Response.status(400).entity(page(society, offer, "shares/offers/apply-check", "Check your answers", e.byField())).build();
        } catch (RuntimeException e) {
            // a simultaneous second post lost the race on the unique key: show the first
            var first = applications.byIdempotencyKey(society, idempotencyKey);
            if (first.isPresent()) {
                return done(offerSlug, first.get());
            }
            throw e;
        }
    }

    private Response done(String offerSlug, ShareApplication made) {
        var answers = answers(offerSlug);
        answers.clear();
        answers.put("done", made.reference());
        request.getSession().setAttribute(key(offerSlug), answers);
        return redirect(offerSlug, "done?ref=" + made.reference());
    }

    @GET
    @Path("{offer}/apply/done")
    public Page done(@PathParam("offer") String offerSlug, @QueryParam("ref") String ref) {
        Society society = society();
        ShareOffer offer = offers.publishedBySlug(society, offerSlug);
        if (ref == null || !ref.equals(answers(offerSlug).get("done"))) {
            throw new NoSuchResourceException("No such application in this browser session");
        }
        ShareApplication a = applications.byReference(society, ref);
        return Page.of("shares/offers/apply-done").with("title", "Application sent").with("society", society).with("offer", offer)
                .with("made", a).with("instructions", ShareApplications.instructions(society, offer, a).split("\n"));
    }

    private Page page(Society society, ShareOffer offer, String template, String title, Map<String, String> errors) {
        var answers = answers(offer.slug());
        Optional<Member> member = "member".equals(answers.get("mode")) ? signedInMember(society) : Optional.empty();
        return Page.of(template).with("title", title).with("society", society).with("offer", offer).with("form", answers)
                .with("errors", errors).with("purposes", EmailPurpose.values()).with("member", member.orElse(null))
                .with("newInvestor", !"member".equals(answers.get("mode")))
                .with("shares", sharesFor(offer, answers.get("amount")));
    }

    private static Long sharesFor(ShareOffer offer, String amount) {
        try {
            return parse(amount).pence() / offer.sharePrice().pence();
        } catch (InvalidInputException e) {
            return null;
        }
    }

    private static Money parse(String text) {
        try {
            return Money.parse(text);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new InvalidInputException("amount", text == null || text.isBlank() ? "Enter the amount you want to invest, like 500"
                    : "Enter the amount in pounds, like 500");
        }
    }

    private Optional<Member> signedInMember(Society society) {
        return caller.account().flatMap(a -> OfferPages.memberOf(personalData, society, a));
    }

    /**
     * The account's member record. The first look links the account to the record; two first looks
     * at once (a double click) race to link it, and the loser (refused, or finding the record neither
     * linked nor unlinked between its two reads) simply looks again and reads the winner's link.
     */
    public static Optional<Member> memberOf(PersonalData personalData, Society society, Account account) {
        try {
            Optional<Member> found = personalData.memberFor(society, account);
            return found.isPresent() ? found : personalData.memberFor(society, account);
        } catch (RuntimeException raceToLink) {
            return personalData.memberFor(society, account);
        }
    }

    private boolean isOfficer(Society society) {
        return caller.isSignedIn() && (caller.isPlatformAdmin()
                || caller.rolesIn(society.id()).stream().anyMatch(coop.cooperage.identity.entity.Role::isOfficer));
    }

    private static ApplicationRules.Applicant applicant(MemberDetails d) {
        return new ApplicationRules.Applicant(d.kind(), d.dateOfBirth(), d.registeredSociety(), d.postcode());
    }

    /** The new investor's answers as member details, the same fields the membership application takes. */
    static MemberDetails details(Map<String, String> a, FieldErrors errors) {
        MemberKind kind = "ORGANISATION".equals(a.get("kind")) ? MemberKind.ORGANISATION : MemberKind.INDIVIDUAL;
        LocalDate dob = null;
        if (kind == MemberKind.INDIVIDUAL && a.get("dateOfBirth-year") != null) {
            try {
                dob = LocalDate.of(Integer.parseInt(a.get("dateOfBirth-year")), Integer.parseInt(a.get("dateOfBirth-month")),
                        Integer.parseInt(a.get("dateOfBirth-day")));
            } catch (NumberFormatException | DateTimeException e) {
                errors.add("dateOfBirth", "Enter your date of birth as a real date");
            }
        }
        var purposes = EnumSet.noneOf(EmailPurpose.class);
        Arrays.stream(EmailPurpose.values()).filter(p -> "true".equals(a.get("purpose-" + p.name()))).forEach(purposes::add);
        return new MemberDetails(kind, a.get("name"), a.get("representative"), a.get("address"), a.get("postcode"), a.get("email"),
                purposes, dob, "true".equals(a.get("registeredSociety")) || "on".equals(a.get("registeredSociety")));
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\r?\\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private Society society() {
        return societies.bySlug(slug).orElseThrow(() -> new NoSuchResourceException("No such society"));
    }

    private String key(String offerSlug) {
        return "offer-application:" + slug + ":" + offerSlug;
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> answers(String offerSlug) {
        var session = request.getSession(true);
        var answers = (Map<String, String>) session.getAttribute(key(offerSlug));
        if (answers == null) {
            answers = new HashMap<>();
            session.setAttribute(key(offerSlug), answers);
        }
        return answers;
    }

    private void save(String offerSlug, FormInput in, List<String> fields) {
        var answers = answers(offerSlug);
        for (String f : fields) {
            String v = in.text(f);
            if (v == null || v.isEmpty()) {
                answers.remove(f);
            } else {
                answers.put(f, v);
            }
        }
        request.getSession().setAttribute(key(offerSlug), answers);
    }

    private Response redirect(String offerSlug, String step) {
        return Flash.redirect(request, "/s/" + slug + "/offers/" + offerSlug + "/apply/" + step, null);
    }
}
