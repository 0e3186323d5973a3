package coop.cooperage.platform.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/**
 * One JAX-RS application serves both the HTML pages and the JSON API under /api/v1, so both
 * share the same exception mapping, CSRF check and authentication.
 */
@ApplicationPath("")
@OpenAPIDefinition(info = @Info(title = "Cooperage API", version = "v1",
        description = "Every operation of the Cooperage web UI, for integrations and scripts. "
                + "Authenticate with an API token (Authorization: Bearer ...) that a secretary creates. "
                + "Errors are application/problem+json (RFC 9457)."))
public class CooperageApplication extends Application {
}
