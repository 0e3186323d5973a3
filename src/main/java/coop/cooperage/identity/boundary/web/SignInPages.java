package coop.cooperage.identity.boundary.web;

import coop.cooperage.identity.boundary.CooperageAuthentication;
import coop.cooperage.identity.control.AdminSetup;
import coop.cooperage.identity.control.Accounts;
import coop.cooperage.identity.control.Invitations;
import coop.cooperage.identity.control.PasswordResets;
import coop.cooperage.identity.control.SignIn;
import coop.cooperage.identity.entity.Account;
import coop.cooperage.identity.entity.OneTimeLink;
import coop.cooperage.platform.boundary.web.Flash;
import coop.cooperage.platform.boundary.web.FormInput;
import coop.cooperage.platform.boundary.web.Page;
import coop.cooperage.platform.control.InvalidInputException;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/** Sign in and out, forgotten passwords, accepting invitations, and the first administrator's setup. */
@Path("")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class SignInPages {

    @Inject
    SignIn signIn;

    @Inject
    PasswordResets resets;

    @Inject
    Invitations invitations;

    @Inject
    Accounts accounts;

    @Inject
    AdminSetup setup;

    @Context
    HttpServletRequest request;

    @GET
    @Path("sign-in")
    public Page signInForm(@QueryParam("next") String next) {
        return Page.of("identity/sign-in").with("next", safeNext(next)).with("title", "Sign in");
    }

    @POST
    @Path("sign-in")
    public Response signIn(MultivaluedMap<String, String> form) {
        var in = new FormInput(form);
        String next = safeNext(in.text("next"));
        try {
            Account account = signIn.authenticate(in.text("email"), form.getFirst("password"));
            startSession(account);
            return Flash.redirect(request, next, null);
        } catch (InvalidInputException e) {
            return Response.status(400).entity(Page.of("identity/sign-in").with("next", next).with("title", "Sign in")
                    .with("errors", e.byField()).with("form", in.values())).build();
        }
    }

    @POST
    @Path("sign-out")
    public Response signOut() {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return Flash.redirect(request, "/sign-in", "You have signed out");
    }

    @GET
    @Path("forgot-password")
    public Page forgotForm() {
        return Page.of("identity/forgot-password").with("title", "Reset your password");
    }

    @POST
    @Path("forgot-password")
    public Response forgot(MultivaluedMap<String, String> form) {
        var in = new FormInput(form);
        try {
            resets.requestReset(in.text("email"));
        } catch (InvalidInputException e) {
            return Response.status(400).entity(Page.of("identity/forgot-password").with("title", "Reset your password")
                    .with("errors", e.byField()).with("form", in.values())).build();
        }
        return Flash.redirect(request, "/sign-in",
                "If " + in.text("email") + " has an account, we have sent it a link to reset the password. The link works for one hour.");
    }

    @GET
    @Path("reset-password")
    public Page resetForm(@QueryParam("token") String token) {
        if (!resets.isUsable(token, OneTimeLink.Purpose.PASSWORD_RESET)) {
            return Page.of("error").with("status", 400).with("title", "This link cannot be used")
                    .with("detail", PasswordResets.INVALID_LINK);
        }
        return Page.of("identity/reset-password").with("title", "Choose a new password").with("token", token);
    }

    @POST
    @Path("reset-password")
    public Response reset(MultivaluedMap<String, String> form) {
        String token = form.getFirst("token");
        try {
            resets.completeReset(token, form.getFirst("password"), form.getFirst("confirmation"));
            return Flash.redirect(request, "/sign-in", "Your password has been changed. Sign in with your new password.");
        } catch (InvalidInputException e) {
            return Response.status(400).entity(Page.of("identity/reset-password").with("title", "Choose a new password")
                    .with("token", token).with("errors", e.byField())).build();
        }
    }

    @GET
    @Path("invitations/accept")
    public Page invitation(@QueryParam("token") String token) {
        var invitation = invitations.open(token);
        if (invitation.isEmpty()) {
            return Page.of("error").with("status", 400).with("title", "This invitation cannot be used")
                    .with("detail", Invitations.INVALID);
        }
        return Page.of("identity/accept-invitation").with("title", "Accept your invitation").with("token", token)
                .with("invitation", invitation.get())
                .with("hasAccount", accounts.byEmail(invitation.get().email()).isPresent());
    }

    @POST
    @Path("invitations/accept")
    public Response accept(MultivaluedMap<String, String> form) {
        String token = form.getFirst("token");
        var invitation = invitations.open(token);
        try {
            if (invitation.isPresent() && accounts.byEmail(invitation.get().email()).isEmpty()
                    && !java.util.Objects.equals(form.getFirst("password"), form.getFirst("confirmation"))) {
                throw new InvalidInputException("confirmation", "The passwords do not match");
            }
            Account account = invitations.accept(token, form.getFirst("password"));
            return Flash.redirect(request, "/sign-in", "Invitation accepted. Sign in as " + account.email() + ".");
        } catch (InvalidInputException e) {
            if (invitation.isEmpty()) {
                throw e;
            }
            return Response.status(400).entity(Page.of("identity/accept-invitation").with("title", "Accept your invitation")
                    .with("token", token).with("invitation", invitation.get()).with("hasAccount", false)
                    .with("errors", e.byField())).build();
        }
    }

    @GET
    @Path("setup")
    public Page setupForm(@QueryParam("token") String token) {
        if (!setup.canUse(token)) {
            return Page.of("error").with("status", 400).with("title", "This setup link cannot be used")
                    .with("detail", "It has expired, has been used, or an administrator already exists.");
        }
        return Page.of("identity/setup").with("title", "Create the platform administrator").with("token", token);
    }

    @POST
    @Path("setup")
    public Response setup(MultivaluedMap<String, String> form) {
        var in = new FormInput(form);
        String token = in.text("token");
        try {
            Account admin = setup.complete(token, in.text("email"), in.text("displayName"), form.getFirst("password"),
                    form.getFirst("confirmation"));
            startSession(admin);
            return Flash.redirect(request, "/admin/societies", "You are the platform administrator. Create the first society.");
        } catch (InvalidInputException e) {
            return Response.status(400).entity(Page.of("identity/setup").with("title", "Create the platform administrator")
                    .with("token", token).with("errors", e.byField()).with("form", in.values())).build();
        }
    }

    /** Fixes the session id at sign-in so that a planted session cookie is worthless. */
    private void startSession(Account account) {
        HttpSession existing = request.getSession(false);
        if (existing != null) {
            request.changeSessionId();
        }
        request.getSession(true).setAttribute(CooperageAuthentication.SESSION_ACCOUNT, account.id());
    }

    /** Only a path on this site: never an absolute URL, so sign-in cannot be an open redirect. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\") || next.length() > 500) {
            return "/";
        }
        try {
            var uri = java.net.URI.create(next);
            return uri.getScheme() == null && uri.getAuthority() == null ? next : "/";
        } catch (IllegalArgumentException notAPath) {
            return "/";
        }
    }
}
