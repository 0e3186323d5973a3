package coop.cooperage.platform.boundary;

import coop.cooperage.platform.boundary.web.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Answers an error in the caller's language: problem+json under /api, an HTML page elsewhere.
 */
@ApplicationScoped
public class ErrorResponses {

    public static boolean isApi(UriInfo uri) {
        String path = uri.getPath();
        return path.startsWith("api/") || path.startsWith("/api/");
    }

    public Response of(UriInfo uri, int status, String title, String detail) {
        if (isApi(uri)) {
            return Problem.response(status, title, detail);
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(Page.of("error").with("status", status).with("title", title).with("detail", detail)).build();
    }
}
