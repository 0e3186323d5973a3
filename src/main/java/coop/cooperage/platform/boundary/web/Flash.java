package coop.cooperage.platform.boundary.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.core.Response;

/** Post/redirect/get: a success message survives the redirect in the session, once. */
public final class Flash {

    static final String KEY = "coop.flash";

    private Flash() {
    }

    public static Response redirect(HttpServletRequest request, String path, String message) {
        if (message != null) {
            request.getSession(true).setAttribute(KEY, message);
        }
        // the path may carry a query ("done?ref=..."), which fromPath would encode into the path
        return Response.seeOther(java.net.URI.create(request.getContextPath() + path)).build();
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
