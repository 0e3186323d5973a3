package coop.cooperage.platform.boundary.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Map;

/**
 * Static files: GOV.UK Frontend from its WebJar and our own under static/. Served by JAX-RS
 * because the application owns the root path.
 */
@Path("assets")
public class Assets {

    static final String GOVUK = "META-INF/resources/webjars/govuk-frontend/5.14.0/dist/govuk/";
    private static final Map<String, String> TYPES = Map.of("css", "text/css", "js", "text/javascript", "mjs",
            "text/javascript", "svg", "image/svg+xml", "png", "image/png", "ico", "image/x-icon", "woff2", "font/woff2",
            "map", "application/json");

    @GET
    @Path("govuk/{file: .+}")
    public Response govuk(@PathParam("file") String file) {
        return serve(GOVUK + file);
    }

    @GET
    @Path("app/{file: .+}")
    public Response own(@PathParam("file") String file) {
        return serve("static/" + file);
    }

    private static Response serve(String resource) {
        if (resource.contains("..")) {
            return Response.status(404).build();
        }
        String ext = resource.substring(resource.lastIndexOf('.') + 1);
        String type = TYPES.get(ext);
        InputStream in = Assets.class.getClassLoader().getResourceAsStream(resource);
        if (in == null || type == null) {
            return Response.status(404).build();
        }
        var cache = new CacheControl();
        cache.setMaxAge(3600);
        return Response.ok(in, type).cacheControl(cache).build();
    }
}
