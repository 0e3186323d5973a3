package coop.cooperage.platform.boundary.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

/** Post/redirect/get: a success message survives the redirect in the session, once. */
public final class Flash {

    static final String KEY = "coop.flash";

    private Flash() {
    }

    public static Response redirect(HttpServletRequest request, String path, String message) {
        if (message != null) {
            request.getSession(true).setAttribute(KEY, message);
        }
        return Response.seeOther(UriBuilder.fromPath(request.getContextPath() + path).build()).build();
    }

    static String take(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        Object message = session.getAttribute(KEY);
        session.removeAttribute(KEY);
        return (String) message;
    }
}
