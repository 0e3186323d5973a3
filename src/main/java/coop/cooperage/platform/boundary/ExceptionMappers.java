package coop.cooperage.platform.boundary;

import coop.cooperage.platform.control.AccessDeniedException;
import coop.cooperage.platform.control.ConflictException;
import coop.cooperage.platform.control.InvalidInputException;
import coop.cooperage.platform.control.NoSuchResourceException;
import coop.cooperage.platform.control.SignInRequiredException;
import jakarta.inject.Inject;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** One mapper per family of failure; each answers problem+json for the API and a page for people. */
public final class ExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ExceptionMappers.class.getName());

    private ExceptionMappers() {
    }

    @Provider
    public static class InvalidInput implements ExceptionMapper<InvalidInputException> {
        @Context
        UriInfo uri;

        @Inject
        ErrorResponses errors;

        @Override
        public Response toResponse(InvalidInputException e) {
            if (ErrorResponses.isApi(uri)) {
                return Problem.response(400, "Invalid input", e.getMessage(), e.errors(), null);
            }
            return errors.of(uri, 400, "There is a problem", e.getMessage());
        }
    }

    @Provider
    public static class Conflict implements ExceptionMapper<ConflictException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(ConflictException e) {
            return Problem.response(409, "Conflict", e.getMessage(),
                    List.of(new InvalidInputException.FieldError(e.field(), e.getMessage())), null);
        }
    }

    @Provider
    public static class NotFound implements ExceptionMapper<NoSuchResourceException> {
        @Context
        UriInfo uri;

        @Inject
        ErrorResponses errors;

        @Override
        public Response toResponse(NoSuchResourceException e) {
            return errors.of(uri, 404, "Page not found", e.getMessage());
        }
    }

    @Provider
    public static class Denied implements ExceptionMapper<AccessDeniedException> {
        @Context
        UriInfo uri;

        @Inject
        ErrorResponses errors;

        @Override
        public Response toResponse(AccessDeniedException e) {
            return errors.of(uri, 403, "You cannot do this", e.getMessage());
        }
    }

    /** The API answers 401; a person is sent to sign in and brought back afterwards. */
    @Provider
    public static class SignInRequired implements ExceptionMapper<SignInRequiredException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(SignInRequiredException e) {
            if (ErrorResponses.isApi(uri)) {
                return Response.fromResponse(Problem.response(401, "Unauthorized", "Send an API token: Authorization: Bearer ..."))
                        .header("WWW-Authenticate", "Bearer").build();
            }
            String next = "/" + uri.getPath().replaceFirst("^/", "");
            return Response.seeOther(UriBuilder.fromPath("/sign-in").queryParam("next", next).build()).build();
        }
    }

    /** JAX-RS' own errors (unknown path 404, wrong method 405, unsupported type 415) keep their status. */
    @Provider
    public static class Web implements ExceptionMapper<WebApplicationException> {
        @Context
        UriInfo uri;

        @Inject
        ErrorResponses errors;

        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status >= 500) {
                return Unexpected.incident(e, uri, errors);
            }
            String title = e.getResponse().getStatusInfo().getReasonPhrase();
            String detail = switch (status) {
                case 404 -> "There is nothing at this address";
                case 405 -> "This address does not accept " + "that method";
                case 413 -> "The request body is too large";
                case 415 -> "Send the body as application/json";
                case 400 -> "The request could not be read: " + rootMessage(e);
                default -> e.getMessage();
            };
            return errors.of(uri, status, title, detail);
        }
    }

    /** Malformed JSON reaches us as one of these, depending on where parsing failed. */
    @Provider
    public static class Unreadable implements ExceptionMapper<ProcessingException> {
        @Context
        UriInfo uri;

        @Inject
        ErrorResponses errors;

        @Override
        public Response toResponse(ProcessingException e) {
            return errors.of(uri, 400, "Bad Request", "The request body could not be read: " + rootMessage(e));
        }
    }

    @Provider
    public static class UnreadableJson implements ExceptionMapper<JsonbException> {
        @Context
        UriInfo uri;

        @Inject
        ErrorResponses errors;

        @Override
        public Response toResponse(JsonbException e) {
            return errors.of(uri, 400, "Bad Request", "The JSON body could not be read: " + rootMessage(e));
        }
    }

    @Provider
    public static class UnparsableJson implements ExceptionMapper<JsonParsingException> {
        @Context
        UriInfo uri;

        @Inject
        ErrorResponses errors;

        @Override
        public Response toResponse(JsonParsingException e) {
            return errors.of(uri, 400, "Bad Request", "The JSON body is malformed: " + rootMessage(e));
        }
    }

    /** Anything else is our fault: log it with an incident id and tell the user only the id. */
    @Provider
    public static class Unexpected implements ExceptionMapper<Throwable> {
        @Context
        UriInfo uri;

        @Inject
        ErrorResponses errors;

        @Override
        public Response toResponse(Throwable e) {
            Throwable cause = e;
            while (cause != null) {
                if (cause instanceof JsonbException || cause instanceof JsonParsingException) {
                    return errors.of(uri, 400, "Bad Request", "The JSON body could not be read: " + rootMessage(e));
                }
                cause = cause.getCause();
            }
            if (isContention(e)) {
                // the transaction was rolled back whole: nothing was changed, and trying again will do
                LOG.log(Level.WARNING, "Lock contention at " + uri.getPath() + ": " + rootMessage(e));
                return Response.fromResponse(errors.of(uri, 503, "Busy: please try again",
                        "Someone else was changing the same records at that moment, or a long task (such as approving an"
                        + " allotment) is still running. Nothing was changed; please try again in a moment."))
                        .header("Retry-After", "10").build();
            }
            return incident(e, uri, errors);
        }

        static Response incident(Throwable e, UriInfo uri, ErrorResponses errors) {
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Incident " + incident + " at " + uri.getPath(), e);
            if (ErrorResponses.isApi(uri)) {
                return Problem.response(500, "Internal Server Error",
                        "Something went wrong on our side. Quote incident " + incident + " if you report it.", null, incident);
            }
            return errors.of(uri, 500, "Sorry, there is a problem with the service",
                    "Something went wrong on our side. Quote incident " + incident + " if you report it.");
        }
    }

    /**
     * A lock wait that timed out (MariaDB 1205) or a deadlock the database broke by rolling this
     * transaction back (1213): nobody's fault, and the same request will go through once the other
     * work has finished.
     */
    static boolean isContention(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof jakarta.persistence.PessimisticLockException || t instanceof jakarta.persistence.LockTimeoutException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql
                    && (sql.getErrorCode() == 1205 || sql.getErrorCode() == 1213 || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        if (m == null) {
            return "malformed input";
        }
        // parser messages can be long and echo input; keep the first line only
        m = m.lines().findFirst().orElse(m);
        return m.length() > 200 ? m.substring(0, 200) : m;
    }
}
