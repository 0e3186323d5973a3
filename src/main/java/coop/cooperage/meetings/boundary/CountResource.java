package coop.cooperage.meetings.boundary;

import coop.cooperage.meetings.control.BltFormatException;
import coop.cooperage.meetings.control.BltParser;
import coop.cooperage.meetings.control.CountMethod;
import coop.cooperage.meetings.control.CountResult;
import coop.cooperage.platform.control.InvalidInputException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The counting engine on its own, so anyone can recount published ballots: a BLT file in,
 * the elected candidates in order and every stage out. Needs no account: it holds no data.
 */
@Path("api/v1/count")
@Tag(name = "Elections")
public class CountResource {

    @POST
    @Consumes({MediaType.TEXT_PLAIN, "application/octet-stream", "text/x-blt"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Count a BLT file: method=scottish-stv (SSI 2007/42), meek or plurality; seats come from the file's header")
    public CountResult count(String blt, @QueryParam("method") @DefaultValue("scottish-stv") String method,
            @QueryParam("seed") @DefaultValue("0") long seed) {
        CountMethod how = switch (method) {
            case "scottish-stv" -> CountMethod.SCOTTISH_STV;
            case "meek" -> CountMethod.MEEK_STV;
            case "plurality" -> CountMethod.PLURALITY;
            default -> throw new InvalidInputException("method", "Choose method=scottish-stv, meek or plurality");
        };
        if (blt == null || blt.isBlank()) {
            throw new InvalidInputException("body", "Send a BLT file as the request body");
        }
        try {
            return how.count(BltParser.parse(blt), seed);
        } catch (BltFormatException e) {
            throw new InvalidInputException("line " + e.line(), e.getMessage());
        }
    }
}
