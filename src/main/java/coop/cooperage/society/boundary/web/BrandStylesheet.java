package coop.cooperage.society.boundary.web;

import coop.cooperage.society.control.Societies;
import coop.cooperage.society.entity.Society;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

/**
 * The society's colour as a stylesheet, so that pages need no inline style and the CSP can
 * forbid it. The colour is validated as #rrggbb when saved, so nothing else can get in.
 */
@Path("s/{society}/brand.css")
@Produces("text/css")
public class BrandStylesheet {

    @Inject
    Societies societies;

    @GET
    public Response brand(@PathParam("society") String slug) {
        String colour = societies.bySlug(slug).map(Society::brandColour).orElse("#1d70b8");
        var cache = new CacheControl();
        cache.setMaxAge(86400);
        return Response.ok(".coop-header { background: " + colour + "; }\n"
                + ".govuk-service-navigation { border-bottom-color: " + colour + "; }\n"
                + ".coop-nav-active { border-bottom-color: " + colour + "; }\n")
                .cacheControl(cache).build();
    }
}
