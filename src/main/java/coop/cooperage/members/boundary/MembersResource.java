package coop.cooperage.members.boundary;

import coop.cooperage.identity.control.Caller;
import coop.cooperage.identity.entity.Role;
import coop.cooperage.members.control.Holdings;
import coop.cooperage.members.control.Register;
import coop.cooperage.members.control.RegisterQuery;
import coop.cooperage.members.entity.CeasingReason;
import coop.cooperage.members.entity.Member;
import coop.cooperage.members.entity.MemberChange;
import coop.cooperage.members.entity.MemberState;
import coop.cooperage.members.entity.SharesHeld;
import coop.cooperage.platform.control.InvalidInputException;
import coop.cooperage.society.control.Societies;
import coop.cooperage.society.entity.Society;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The register of members, for officers. */
@Path("api/v1/societies/{society}/members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Members")
public class MembersResource {

    public record Page(long total, int page, int pageSize, List<MemberJson> members) {
    }

    public record NewMember(MemberJson member, LocalDate joinedOn) {
    }

    public record Cessation(LocalDate ceasedOn, CeasingReason reason) {
    }

    public record ChangeJson(String field, String oldValue, String newValue, LocalDate changedOn, LocalDateTime changedAt,
            String changedBy) {
        static ChangeJson of(MemberChange c) {
            return new ChangeJson(c.field(), c.oldValue(), c.newValue(), c.changedOn(), c.changedAt(), c.changedBy());
        }
    }

    public record Entry(MemberJson member, long sharesHeld, long amountPaidPence, List<ChangeJson> history) {
    }

    @Inject
    Societies societies;

    @Inject
    Register register;

    @Inject
    Holdings holdings;

    @Inject
    Caller caller;

    @Inject
    coop.cooperage.members.control.PersonalData personalData;

    @PathParam("society")
    String slug;

    @GET
    @Operation(summary = "Search the register: q (name, number, email, postcode), state, local, joinedFrom, joinedTo, sort (NUMBER, NAME, JOINED), desc, page, size")
    public Page search(@QueryParam("q") String q, @QueryParam("state") String stateText, @QueryParam("local") Boolean local,
            @QueryParam("joinedFrom") String from, @QueryParam("joinedTo") String to,
            @QueryParam("sort") @DefaultValue("NUMBER") String sortText, @QueryParam("desc") boolean desc,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        Society society = societies.forCaller(slug, Societies.OFFICERS);
        var errors = new coop.cooperage.platform.control.FieldErrors();
        // read here rather than by JAX-RS, which answers a bad enum with a bare 404
        MemberState state = choice(MemberState.class, stateText, "state", errors);
        RegisterQuery.Sort sort = choice(RegisterQuery.Sort.class, sortText, "sort", errors);
        var joinedFrom = errors.isoDate("joinedFrom", from);
        var joinedTo = errors.isoDate("joinedTo", to);
        errors.throwIfAny();
        var query = new RegisterQuery(q, state, local, joinedFrom, joinedTo, sort, desc, page, size);
        var found = register.search(society, query);
        var area = society.areaOfBenefit();
        return new Page(found.total(), query.page(), query.pageSize(),
                found.members().stream().map(m -> MemberJson.of(m, area.contains(m.postcode().value()))).toList());
    }

    @POST
    @Transactional
    @Operation(summary = "Record a member directly, admitted at once with the next member number (secretary)")
    public Response record(NewMember input) {
        if (input == null || input.member() == null) {
            throw new InvalidInputException("member", "Send the member's details");
        }
        Society society = societies.forCaller(slug, Role.SECRETARY);
        Member m = register.record(society, input.member().details(), input.joinedOn());
        return Response.status(201).entity(MemberJson.of(m, society.areaOfBenefit().contains(m.postcode().value()))).build();
    }

    @GET
    @Path("{number}")
    @Operation(summary = "One member's entry: details, holding today and the history of changes")
    public Entry get(@PathParam("number") long number) {
        Society society = societies.forMemberRecord(slug);
        return entry(society, register.byNumber(society, number));
    }

    @PUT
    @Path("{number}/contact")
    @Transactional
    @Operation(summary = "Change name, address or email (secretary); the old values are kept as history")
    public Entry changeContact(@PathParam("number") long number, MemberJson input) {
        if (input == null) {
            throw new InvalidInputException("body", "Send the new details");
        }
        Society society = societies.forCaller(slug, Role.SECRETARY);
        register.changeContact(society, number, input.details(), caller.requireAccount().email());
        return entry(society, register.byNumber(society, number));
    }

    @POST
    @Path("{number}/cessation")
    @Transactional
    @Operation(summary = "End a membership with its date and reason (secretary)")
    public MemberJson cease(@PathParam("number") long number, Cessation input) {
        if (input == null) {
            throw new InvalidInputException("body", "Send the date and reason");
        }
        Society society = societies.forCaller(slug, Role.SECRETARY);
        Member m = register.cease(society, number, input.ceasedOn(), input.reason());
        return MemberJson.of(m, society.areaOfBenefit().contains(m.postcode().value()));
    }

    public record Erased(int erased) {
    }

    @POST
    @Path("retention-runs")
    @Operation(summary = "Erase now the contact details of former members past the retention period, as the nightly job does (secretary)")
    public Erased runRetention() {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        return new Erased(personalData.eraseExpired(society));
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String text, String field,
            coop.cooperage.platform.control.FieldErrors errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(field, "Choose " + field + " from " + java.util.Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    Entry entry(Society society, Member m) {
        SharesHeld h = holdings.of(society.id(), m.id(), register.today());
        return new Entry(MemberJson.of(m, society.areaOfBenefit().contains(m.postcode().value())), h.shares(), h.amountPaid().pence(),
                register.history(m).stream().map(ChangeJson::of).toList());
    }

}
