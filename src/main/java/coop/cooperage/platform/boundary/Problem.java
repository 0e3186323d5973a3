package coop.cooperage.platform.boundary;

import coop.cooperage.platform.control.InvalidInputException;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** RFC 9457 problem details. Detail is written for a person; it never carries a stack trace. */
public final class Problem {

    public static final MediaType TYPE = new MediaType("application", "problem+json");

    private Problem() {
    }

    public static Response response(int status, String title, String detail) {
        return response(status, title, detail, null, null);
    }

    public static Response response(int status, String title, String detail, List<InvalidInputException.FieldError> errors,
            String incident) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", title)
                .add("status", status);
        if (detail != null) {
            body.add("detail", detail);
        }
        if (errors != null && !errors.isEmpty()) {
            var list = Json.createArrayBuilder();
            errors.forEach(e -> list.add(Json.createObjectBuilder().add("field", e.field()).add("message", e.message())));
            body.add("errors", list);
        }
        if (incident != null) {
            body.add("incident", incident);
        }
        return Response.status(status).type(TYPE).entity(body.build().toString()).build();
    }
}
