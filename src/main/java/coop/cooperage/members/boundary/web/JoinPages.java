package coop.cooperage.members.boundary.web;

import coop.cooperage.members.control.Register;
import coop.cooperage.members.entity.EmailPurpose;
import coop.cooperage.members.entity.Member;
import coop.cooperage.members.entity.MemberDetails;
import coop.cooperage.members.entity.MemberKind;
import coop.cooperage.platform.boundary.web.Flash;
import coop.cooperage.platform.boundary.web.FormInput;
import coop.cooperage.platform.boundary.web.Page;
import coop.cooperage.platform.control.FieldErrors;
import coop.cooperage.platform.control.InvalidInputException;
import coop.cooperage.platform.control.NoSuchResourceException;
import coop.cooperage.platform.control.Transactions;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The public membership application, one thing per page: about you, contact details,
 * declarations, check your answers, confirmation. Answers live in the session until sent.
 */
@Path("s/{society}/join")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class JoinPages {

    private static final List<String> ABOUT = List.of("kind", "name", "representative", "dateOfBirth-day", "dateOfBirth-month",
            "dateOfBirth-year", "registeredSociety");
    private static final List<String> CONTACT = List.of("address", "postcode", "email");

    @Inject
    Societies societies;

    @Inject
    Register register;

    @Inject
    Transactions tx;

    @Context
    HttpServletRequest request;

    @PathParam("society")
    String slug;

    @GET
    public Page start() {
        Society society = society();
        return page(society, "members/join-start", "Apply to join " + society.name(), Map.of());
    }

    @GET
    @Path("about")
    public Page about() {
        return page(society(), "members/join-about", "About you", Map.of());
    }

    @POST
    @Path("about")
    public Response saveAbout(MultivaluedMap<String, String> form) {
        Society society = society();
        var in = new FormInput(form);
        save(in, ABOUT);
        var errors = new FieldErrors();
        MemberKind kind = in.choice("kind", MemberKind.class, "Choose whether you are applying as a person or for an organisation");
        var d = MemberPages.details(in);
        errors.merge(in.errors());
        d.validate(register.today(), society.rules().minimumAge()).list().stream()
                .filter(e -> List.of("name", "representative", "dateOfBirth").contains(e.field()))
                .forEach(e -> errors.add(e.field(), e.message()));
        if (kind == MemberKind.INDIVIDUAL && in.text("dateOfBirth-year") == null && !errors.has("dateOfBirth")) {
            errors.add("dateOfBirth", "Enter your date of birth");
        }
        return errors.isEmpty() ? redirect("contact") : Response.status(400).entity(page(society, "members/join-about", "About you", errors)).build();
    }

    @GET
    @Path("contact")
    public Page contact() {
        return page(society(), "members/join-contact", "Your contact details", Map.of());
    }

    @POST
    @Path("contact")
    public Response saveContact(MultivaluedMap<String, String> form) {
        Society society = society();
        var in = new FormInput(form);
        save(in, CONTACT);
        var d = MemberPages.details(new FormInput(asForm(answers())));
        var errors = new FieldErrors();
        d.validate(register.today(), 0).list().stream().filter(e -> List.of("address", "postcode", "email").contains(e.field())
                && !e.message().startsWith("Enter an email address to be")).forEach(e -> errors.add(e.field(), e.message()));
        return errors.isEmpty() ? redirect("declarations")
                : Response.status(400).entity(page(society, "members/join-contact", "Your contact details", errors)).build();
    }

    @GET
    @Path("declarations")
    public Page declarations() {
        return page(society(), "members/join-declarations", "Declarations", Map.of());
    }

    @POST
    @Path("declarations")
    public Response saveDeclarations(MultivaluedMap<String, String> form) {
        Society society = society();
        var in = new FormInput(form);
        var answers = answers();
        for (String key : List.of("agreeRules", "confirmAge")) {
            answers.put(key, in.flag(key) ? "true" : null);
        }
        for (EmailPurpose p : EmailPurpose.values()) {
            answers.put("purpose-" + p.name(), in.flag("purpose-" + p.name()) ? "true" : null);
        }
        var errors = new FieldErrors();
        errors.check(in.flag("agreeRules"), "agreeRules", "Confirm that you agree to be bound by the society's rules");
        if (!"ORGANISATION".equals(answers.get("kind")) && society.rules().minimumAge() > 0) {
            errors.check(in.flag("confirmAge"), "confirmAge", "Confirm that you are at least " + society.rules().minimumAge() + " years old");
        }
        boolean anyPurpose = java.util.Arrays.stream(EmailPurpose.values()).anyMatch(p -> in.flag("purpose-" + p.name()));
        errors.check(!anyPurpose || answers.get("email") != null, "purpose-NOTICES",
                "Go back and give an email address, or untick the email choices");
        return errors.isEmpty() ? redirect("check")
                : Response.status(400).entity(page(society, "members/join-declarations", "Declarations", errors)).build();
    }

    @GET
    @Path("check")
    public Page check() {
        return page(society(), "members/join-check", "Check your answers", Map.of());
    }

    /** Sends the application. Posting twice (a double click, the back button) finds the first one and applies once. */
    @POST
    @Path("check")
    public Response send() {
        Society society = society();
        var answers = answers();
        if (answers.get("done") != null) {
            return redirect("done?ref=" + answers.get("done"));
        }
        MemberDetails details = MemberPages.details(new FormInput(asForm(answers)));
        try {
            if (answers.get("agreeRules") == null) {
                throw new InvalidInputException("agreeRules", "Confirm that you agree to be bound by the society's rules");
            }
            Member applicant = tx.call(() -> register.apply(society, details));
            var session = request.getSession();
            session.removeAttribute(key());
            session.setAttribute(key() + ":done", applicant.applicationRef());
            return redirect("done?ref=" + applicant.applicationRef());
        } catch (InvalidInputException e) {
            return Response.status(400).entity(page(society, "members/join-check", "Check your answers", e.byField())).build();
        }
    }

    @GET
    @Path("done")
    public Page done(@QueryParam("ref") String ref) {
        Society society = society();
        Object mine = request.getSession().getAttribute(key() + ":done");
        if (mine == null || !mine.equals(ref)) {
            throw new NoSuchResourceException("No such application in this browser session");
        }
        return Page.of("members/join-done").with("title", "Application sent").with("society", society).with("reference", ref);
    }

    private Society society() {
        return societies.bySlug(slug).orElseThrow(() -> new NoSuchResourceException("No such society"));
    }

    private Page page(Society society, String template, String title, FieldErrors errors) {
        return page(society, template, title, errors.byField());
    }

    private Page page(Society society, String template, String title, Map<String, String> errors) {
        return Page.of(template).with("title", title).with("society", society).with("form", answers()).with("errors", errors)
                .with("purposes", EmailPurpose.values()).with("minimumAge", society.rules().minimumAge())
                .with("minimumHolding", society.rules().minimumHoldingShares())
                .with("nominal", society.rules().nominalShareValue());
    }


    private String key() {
        return "join:" + slug;
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> answers() {
        var session = request.getSession(true);
        var answers = (Map<String, String>) session.getAttribute(key());
        if (answers == null) {
            answers = new HashMap<>();
            session.setAttribute(key(), answers);
        }
        return answers;
    }

    private void save(FormInput in, List<String> fields) {
        var answers = answers();
        for (String f : fields) {
            String v = in.text(f);
            if (v == null || v.isEmpty()) {
                answers.remove(f);
            } else {
                answers.put(f, v);
            }
        }
        request.getSession().setAttribute(key(), answers);
    }

    private static MultivaluedMap<String, String> asForm(Map<String, String> answers) {
        var form = new jakarta.ws.rs.core.MultivaluedHashMap<String, String>();
        answers.forEach((k, v) -> {
            if (v != null) {
                form.putSingle(k, v);
            }
        });
        return form;
    }

    private Response redirect(String step) {
        return Flash.redirect(request, "/s/" + slug + "/join/" + step, null);
    }
}
