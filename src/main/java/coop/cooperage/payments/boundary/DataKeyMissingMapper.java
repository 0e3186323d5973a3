package coop.cooperage.payments.boundary;

import coop.cooperage.payments.control.DataKeyMissingException;
import coop.cooperage.platform.boundary.ErrorResponses;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Without COOP_DATA_KEY no bank details can be saved: say so (503, the service is not set up),
 * rather than a bare incident 500. BankDetailsVault logs the cause once.
 */
@Provider
public class DataKeyMissingMapper implements ExceptionMapper<DataKeyMissingException> {

    @Context
    UriInfo uri;

    @Inject
    ErrorResponses errors;

    @Override
    public Response toResponse(DataKeyMissingException e) {
        return errors.of(uri, 503, "Service Unavailable", e.getMessage());
    }
}
