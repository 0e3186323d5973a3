package coop.cooperage.society.boundary.web;

import coop.cooperage.identity.control.Caller;
import coop.cooperage.platform.boundary.web.Flash;
import coop.cooperage.platform.boundary.web.Page;
import coop.cooperage.society.control.Societies;
import coop.cooperage.society.entity.Society;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The start page and the society switcher. */
@Path("")
@Produces(MediaType.TEXT_HTML)
public class HomePages {

    @Inject
    Caller caller;

    @Inject
    Societies societies;

    @Context
    HttpServletRequest request;

    /** Straight to the only society; otherwise the switcher. */
    @GET
    public Response home() {
        if (!caller.isSignedIn()) {
            return Flash.redirect(request, "/sign-in", null);
        }
        List<Society> mine = societies.visibleToCaller();
        if (mine.size() == 1 && !caller.isPlatformAdmin()) {
            return Flash.redirect(request, "/s/" + mine.get(0).slug(), null);
        }
        return Flash.redirect(request, "/account/societies", null);
    }

    @GET
    @Path("account/societies")
    public Page switcher() {
        caller.requireAccount();
        return Page.of("society/switcher").with("title", "Your societies").with("societies", societies.visibleToCaller())
                .with("caller", caller);
    }
}
