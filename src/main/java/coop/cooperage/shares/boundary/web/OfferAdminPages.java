package coop.cooperage.shares.boundary.web;

import coop.cooperage.identity.control.Caller;
import coop.cooperage.identity.entity.Role;
import coop.cooperage.money.Money;
import coop.cooperage.platform.boundary.web.Flash;
import coop.cooperage.platform.boundary.web.FormInput;
import coop.cooperage.platform.boundary.web.MultipartForm;
import coop.cooperage.platform.boundary.web.Option;
import coop.cooperage.platform.boundary.web.Page;
import coop.cooperage.platform.control.FieldErrors;
import coop.cooperage.platform.control.InvalidInputException;
import coop.cooperage.platform.control.Transactions;
import coop.cooperage.shares.control.Offers;
import coop.cooperage.shares.control.ShareApplications;
import coop.cooperage.shares.entity.Locality;
import coop.cooperage.shares.entity.OfferTerms;
import coop.cooperage.shares.entity.ScaleBack;
import coop.cooperage.shares.entity.ShareOffer;
import coop.cooperage.society.control.Societies;
import coop.cooperage.society.entity.Society;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The secretary's share offer pages: list, draft and change, upload the document, open, extend,
 * close, cancel, fail; officers read them. Public pages are {@link OfferPages}.
 */
@Path("s/{society}/share-offers")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class OfferAdminPages {

    @Inject
    Societies societies;

    @Inject
    Offers offers;

    @Inject
    ShareApplications applications;

    @Inject
    Transactions tx;

    @Inject
    Caller caller;

    @Context
    HttpServletRequest request;

    @PathParam("society")
    String slug;

    @GET
    public Page list() {
        Society society = societies.forCaller(slug, Societies.OFFICERS);
        var list = offers.all(society);
        var progress = new HashMap<Long, Offers.Progress>();
        list.forEach(o -> progress.put(o.id(), offers.progress(o)));
        return Page.of("shares/offers/list").with("title", "Share offers").with("society", society).with("offers", list)
                .with("progress", progress).with("editable", isSecretary(society));
    }

    @GET
    @Path("new")
    public Page newForm() {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        var form = new HashMap<String, String>();
        form.put("sharePrice", society.rules().nominalShareValue().pounds().toPlainString());
        form.put("individuals", "true");
        form.put("organisations", "true");
        form.put("minimumAge", String.valueOf(society.rules().minimumAge()));
        return form(society, null, form, Map.of());
    }

    @POST
    public Response create(MultivaluedMap<String, String> posted) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        var in = new FormInput(posted);
        try {
            OfferTerms terms = terms(in);
            ShareOffer offer = tx.call(() -> offers.create(society, terms));
            return Flash.redirect(request, base(society) + "/" + offer.slug(), "Draft offer created. Upload its document, then open it.");
        } catch (InvalidInputException e) {
            return Response.status(400).entity(form(society, null, in.values(), e.byField())).build();
        }
    }

    @GET
    @Path("{offer}")
    public Page offer(@PathParam("offer") String offerSlug) {
        Society society = societies.forCaller(slug, Societies.OFFICERS);
        return offerPage(society, offers.bySlug(society, offerSlug), Map.of());
    }

    @GET
    @Path("{offer}/edit")
    public Page editForm(@PathParam("offer") String offerSlug) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        ShareOffer offer = offers.bySlug(society, offerSlug);
        return form(society, offer, values(offer.terms()), Map.of());
    }

    @POST
    @Path("{offer}")
    public Response revise(@PathParam("offer") String offerSlug, MultivaluedMap<String, String> posted) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        ShareOffer existing = offers.bySlug(society, offerSlug);
        var in = new FormInput(posted);
        try {
            OfferTerms terms = terms(in);
            ShareOffer offer = tx.call(() -> offers.revise(society, offerSlug, terms));
            return Flash.redirect(request, base(society) + "/" + offer.slug(), "The offer has been changed");
        } catch (InvalidInputException e) {
            return Response.status(400).entity(form(society, existing, in.values(), e.byField())).build();
        }
    }

    /** The document upload: multipart, with the CSRF token in the query string like every upload. */
    @POST
    @Path("{offer}/document")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@PathParam("offer") String offerSlug, byte[] body, @HeaderParam("Content-Type") String contentType) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        try {
            MultipartForm form;
            try {
                form = MultipartForm.parse(contentType, body);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("document", e.getMessage());
            }
            var file = form.part("document");
            tx.call(() -> offers.attachDocument(society, offerSlug, file == null ? null : file.fileName(),
                    file == null ? null : file.content()));
            return Flash.redirect(request, base(society) + "/" + offerSlug, "The offer document has been uploaded");
        } catch (InvalidInputException e) {
            return Response.status(400).entity(offerPage(society, offers.bySlug(society, offerSlug), e.byField())).build();
        }
    }

    @POST
    @Path("{offer}/open")
    public Response open(@PathParam("offer") String offerSlug) {
        return act(offerSlug, s -> offers.open(s, offerSlug), "The offer is open for applications");
    }

    @POST
    @Path("{offer}/close")
    public Response close(@PathParam("offer") String offerSlug) {
        return act(offerSlug, s -> offers.close(s, offerSlug), "The offer is closed to applications");
    }

    @POST
    @Path("{offer}/cancel")
    public Response cancel(@PathParam("offer") String offerSlug) {
        return act(offerSlug, s -> offers.cancel(s, offerSlug), "The offer is cancelled; refunds are due for every payment received");
    }

    @POST
    @Path("{offer}/fail")
    public Response fail(@PathParam("offer") String offerSlug) {
        return act(offerSlug, s -> offers.fail(s, offerSlug), "The offer has failed; refunds are due for every payment received");
    }

    @POST
    @Path("{offer}/extend")
    public Response extend(@PathParam("offer") String offerSlug, MultivaluedMap<String, String> posted) {
        var in = new FormInput(posted);
        return act(offerSlug, s -> {
            LocalDate to = in.date("closesOn", "Enter the new closing date as a real date");
            in.errors().throwIfAny();
            return offers.extend(s, offerSlug, to);
        }, "The closing date has been extended");
    }

    private Response act(String offerSlug, Function<Society, ShareOffer> action, String done) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        try {
            tx.call(() -> action.apply(society));
            return Flash.redirect(request, base(society) + "/" + offerSlug, done);
        } catch (InvalidInputException e) {
            return Response.status(e instanceof coop.cooperage.platform.control.ConflictException ? 409 : 400)
                    .entity(offerPage(society, offers.bySlug(society, offerSlug), e.byField())).build();
        }
    }

    private Page offerPage(Society society, ShareOffer offer, Map<String, String> errors) {
        return Page.of("shares/offers/offer").with("title", offer.title()).with("society", society).with("offer", offer)
                .with("progress", offers.progress(offer)).with("applications", applications.forOffer(offer))
                .with("editable", isSecretary(society)).with("errors", errors).with("documentLimitMb", Offers.DOCUMENT_LIMIT / 1024 / 1024);
    }

    private Page form(Society society, ShareOffer offer, Map<String, String> values, Map<String, String> errors) {
        return Page.of("shares/offers/form").with("title", offer == null ? "Draft a share offer" : "Change " + offer.title())
                .with("society", society).with("offer", offer).with("form", values).with("errors", errors)
                .with("localities", Arrays.stream(Locality.values()).map(l -> new Option(l.name(), l.label())).toList())
                .with("scaleBacks", Arrays.stream(ScaleBack.values()).map(l -> new Option(l.name(), l.label())).toList());
    }

    /** Reads the offer form; every unreadable field is reported with the others. */
    static OfferTerms terms(FormInput in) {
        var errors = new FieldErrors();
        LocalDate opens = in.date("opensOn", "Enter the opening date as a real date");
        LocalDate closes = in.date("closesOn", "Enter the closing date as a real date");
        Money minTarget = pounds(in, "minTarget", errors);
        Money maxTarget = pounds(in, "maxTarget", errors);
        Money minPer = pounds(in, "minPerApplicant", errors);
        Money maxPer = pounds(in, "maxPerApplicant", errors);
        Money price = pounds(in, "sharePrice", errors);
        Integer minimumAge = in.text("minimumAge") == null || in.text("minimumAge").isEmpty() ? null
                : in.integer("minimumAge", "Enter the minimum age as a whole number of years");
        java.math.BigDecimal rate = in.text("targetInterestRate") == null || in.text("targetInterestRate").isEmpty() ? null
                : in.decimal("targetInterestRate", "Enter the target interest rate as a percentage, like 3.5");
        Locality locality = in.text("locality") == null ? Locality.ANYONE : in.choice("locality", Locality.class, "Choose who may apply");
        ScaleBack scaleBack = in.text("scaleBack") == null ? ScaleBack.LARGEST_FIRST
                : in.choice("scaleBack", ScaleBack.class, "Choose how to scale back");
        var terms = new OfferTerms(in.text("slug"), in.text("title"), in.text("description"), in.text("keyFacts"), in.text("risks"), opens,
                closes, minTarget, maxTarget, minPer, maxPer, price, in.flag("individuals"), in.flag("organisations"), minimumAge, locality,
                scaleBack, rate, in.text("payAccountName"), in.text("paySortCode"), in.text("payAccountNumber"), in.text("chequePayee"),
                in.text("chequeAddress"));
        // what could not be read comes first; then what was read but breaks a rule
        in.errors().merge(errors).merge(terms.validate()).throwIfAny();
        return terms;
    }

    private static Money pounds(FormInput in, String field, FieldErrors errors) {
        try {
            return in.text(field) == null || in.text(field).isEmpty() ? null : Money.parse(in.text(field));
        } catch (IllegalArgumentException | ArithmeticException e) {
            errors.add(field, e.getMessage() == null ? "Enter an amount in pounds" : e.getMessage());
            return null;
        }
    }

    static Map<String, String> values(OfferTerms t) {
        var m = new HashMap<String, String>();
        m.put("slug", t.slug());
        m.put("title", t.title());
        m.put("description", t.description());
        m.put("keyFacts", t.keyFacts());
        m.put("risks", t.risks());
        date(m, "opensOn", t.opensOn());
        date(m, "closesOn", t.closesOn());
        m.put("minTarget", t.minTarget().pounds().toPlainString());
        m.put("maxTarget", t.maxTarget().pounds().toPlainString());
        m.put("minPerApplicant", t.minPerApplicant().pounds().toPlainString());
        m.put("maxPerApplicant", t.maxPerApplicant().pounds().toPlainString());
        m.put("sharePrice", t.sharePrice().pounds().toPlainString());
        m.put("individuals", t.individuals() ? "true" : null);
        m.put("organisations", t.organisations() ? "true" : null);
        m.put("minimumAge", t.minimumAge() == null ? null : t.minimumAge().toString());
        m.put("locality", t.locality().name());
        m.put("scaleBack", t.scaleBack().name());
        m.put("targetInterestRate", t.targetInterestRate() == null ? null : t.targetInterestRate().toPlainString());
        m.put("payAccountName", t.payAccountName());
        m.put("paySortCode", t.paySortCode());
        m.put("payAccountNumber", t.payAccountNumber());
        m.put("chequePayee", t.chequePayee());
        m.put("chequeAddress", t.chequeAddress());
        return m;
    }

    private static void date(Map<String, String> m, String name, LocalDate d) {
        if (d != null) {
            m.put(name + "-day", String.valueOf(d.getDayOfMonth()));
            m.put(name + "-month", String.valueOf(d.getMonthValue()));
            m.put(name + "-year", String.valueOf(d.getYear()));
        }
    }

    private static String base(Society society) {
        return "/s/" + society.slug() + "/share-offers";
    }

    private boolean isSecretary(Society society) {
        return caller.isPlatformAdmin() || caller.rolesIn(society.id()).contains(Role.SECRETARY);
    }
}
