package coop.cooperage.platform.boundary.web;

import coop.cooperage.platform.boundary.ErrorResponses;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Refuses any form post without the session's CSRF token. JSON requests need no token: a
 * cross-site page cannot send application/json without a CORS preflight, which we never grant.
 */
@Provider
@PreMatching
public class CsrfFilter implements ContainerRequestFilter {

    @Context
    HttpServletRequest request;

    @Inject
    ErrorResponses errors;

    @Override
    public void filter(ContainerRequestContext ctx) throws IOException {
        String method = ctx.getMethod();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
            return;
        }
        MediaType type = ctx.getMediaType();
        boolean form = type != null && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE));
        if (!form) {
            return;
        }
        String submitted;
        if (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            byte[] body = ctx.getEntityStream().readAllBytes();
            ctx.setEntityStream(new ByteArrayInputStream(body));
            submitted = field(new String(body, StandardCharsets.UTF_8));
        } else {
            // multipart forms carry the token in the query string (forms add it to their action)
            submitted = ctx.getUriInfo().getQueryParameters().getFirst(Csrf.FIELD);
        }
        if (!Csrf.matches(request, submitted)) {
            ctx.abortWith(errors.of(ctx.getUriInfo(), 403, "Your form has expired",
                    "The form was missing its security token or the session had ended. Go back, reload the page and try again."));
        }
    }

    static String field(String body) {
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(Csrf.FIELD)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
