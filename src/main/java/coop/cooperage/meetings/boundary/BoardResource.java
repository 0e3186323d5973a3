package coop.cooperage.meetings.boundary;

import coop.cooperage.identity.control.Caller;
import coop.cooperage.identity.entity.Role;
import coop.cooperage.meetings.control.BoardDecisions;
import coop.cooperage.meetings.entity.BoardItem;
import coop.cooperage.meetings.entity.BoardMeeting;
import coop.cooperage.meetings.entity.DirectorChoice;
import coop.cooperage.platform.control.FieldErrors;
import coop.cooperage.platform.control.InvalidInputException;
import coop.cooperage.society.control.Societies;
import coop.cooperage.society.entity.Society;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Board meetings, directors' resolutions, conflicts of interest, votes and written resolutions (directors and secretary). */
@Path("api/v1/societies/{society}/board")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Board decisions")
public class BoardResource {

    static final Role[] BOARD = {Role.SECRETARY, Role.DIRECTOR};

    public record Director(long id, String name) {
    }

    public record NewMeeting(LocalDate heldOn, String place, List<Long> present) {
    }

    public record MeetingJson(long id, LocalDate heldOn, String place, List<Director> present, List<ItemJson> items) {
    }

    public record NewItem(String text) {
    }

    public record ConflictInput(Long director, String interest) {
    }

    public record VoteInput(Long director, String choice) {
    }

    public record ConflictJson(long director, String name, String interest) {
    }

    public record VoteJson(long director, String name, String choice, String recordedBy) {
    }

    public record ItemJson(long id, String kind, String text, String state, Long boardMeeting, LocalDate circulatedOn,
            LocalDate decidedOn, Integer votesFor, Integer votesAgainst, Integer abstentions, List<Director> eligible,
            List<ConflictJson> conflicts, List<VoteJson> votes, String tally) {
    }

    @Inject
    Societies societies;

    @Inject
    BoardDecisions board;

    @Inject
    Caller caller;

    @PathParam("society")
    String slug;

    @GET
    @Path("directors")
    @Operation(summary = "The directors in office on a day (on=YYYY-MM-DD, default today), from the register of officers")
    public List<Director> directors(@QueryParam("on") String on) {
        Society society = societies.forCaller(slug, BOARD);
        var errors = new FieldErrors();
        LocalDate day = errors.isoDate("on", on);
        errors.throwIfAny();
        return directors(board.directorsOn(society, day == null ? board.today() : day));
    }

    public record LinkInput(String email) {
    }

    @POST
    @Path("directors/{id}/account")
    @Transactional
    @Operation(summary = "Link a director's entry in the register of officers to the account they sign in with, so they can"
            + " record their own votes (secretary). Until then only the secretary records votes for them")
    public Director link(@PathParam("id") long id, LinkInput input) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        var appointment = board.linkAccount(society, id, input == null ? null : input.email());
        return new Director(appointment.id(), appointment.personName());
    }

    @GET
    @Path("meetings")
    @Operation(summary = "Board meetings, latest first")
    public List<MeetingJson> meetings() {
        Society society = societies.forCaller(slug, BOARD);
        // a few queries for the whole list: the meetings, their items, and those items' views
        var meetings = board.meetings(society);
        var items = board.itemsOf(meetings);
        var views = new java.util.HashMap<Long, BoardDecisions.ItemView>();
        board.views(society, items.values().stream().flatMap(List::stream).toList()).forEach(v -> views.put(v.item().id(), v));
        var boards = board.directorsOn(society, meetings.stream().map(BoardMeeting::heldOn).toList());
        return meetings.stream().map(m -> json(m, boards.get(m.heldOn()),
                items.get(m.id()).stream().map(i -> json(views.get(i.id()))).toList())).toList();
    }

    @POST
    @Path("meetings")
    @Transactional
    @Operation(summary = "Record a board meeting: date, place and the directors present")
    public Response hold(NewMeeting input) {
        Society society = societies.forCaller(slug, BOARD);
        if (input == null) {
            throw new InvalidInputException("body", "Send the date, place and directors present");
        }
        BoardMeeting m = board.holdMeeting(society, input.heldOn(), input.place(), input.present());
        return Response.status(201).entity(json(society, m)).build();
    }

    @GET
    @Path("meetings/{id}")
    public MeetingJson meeting(@PathParam("id") long id) {
        Society society = societies.forCaller(slug, BOARD);
        return json(society, board.meeting(society, id));
    }

    @POST
    @Path("meetings/{id}/items")
    @Transactional
    @Operation(summary = "Put a directors' resolution to a board meeting")
    public Response addItem(@PathParam("id") long id, NewItem input) {
        Society society = societies.forCaller(slug, BOARD);
        BoardItem item = board.addItem(society, id, input == null ? null : input.text(), caller.requireAccount().email());
        return Response.status(201).entity(json(society, item)).build();
    }

    @POST
    @Path("written-resolutions")
    @Transactional
    @Operation(summary = "Circulate a written resolution to the directors in office today (refused when fewer than the board quorum);"
            + " it passes when every director still in office without a conflict approves, and fails on a refusal or when fewer"
            + " than the quorum remain")
    public Response circulate(NewItem input) {
        Society society = societies.forCaller(slug, BOARD);
        BoardItem item = board.circulate(society, input == null ? null : input.text(), caller.requireAccount().email());
        return Response.status(201).entity(json(society, item)).build();
    }

    @GET
    @Path("items")
    @Operation(summary = "Every directors' resolution, latest first: at meetings, written, and recorded decisions")
    public List<ItemJson> items() {
        Society society = societies.forCaller(slug, BOARD);
        return board.views(society, board.items(society)).stream().map(BoardResource::json).toList();
    }

    @GET
    @Path("items/{id}")
    public ItemJson item(@PathParam("id") long id) {
        Society society = societies.forCaller(slug, BOARD);
        return json(society, board.item(society, id));
    }

    @POST
    @Path("items/{id}/conflicts")
    @Transactional
    @Operation(summary = "A director declares a conflict of interest in the item: they may not vote on it")
    public ItemJson declare(@PathParam("id") long id, ConflictInput input) {
        Society society = societies.forCaller(slug, BOARD);
        if (input == null || input.director() == null) {
            throw new InvalidInputException("director", "Choose the director");
        }
        board.declareConflict(society, id, input.director(), input.interest(), actor(society));
        return json(society, board.item(society, id));
    }

    @POST
    @Path("items/{id}/votes")
    @Transactional
    @Operation(summary = "A director's vote: FOR, AGAINST or ABSTAIN; on a written resolution FOR approves and AGAINST refuses")
    public ItemJson vote(@PathParam("id") long id, VoteInput input) {
        Society society = societies.forCaller(slug, BOARD);
        if (input == null || input.director() == null) {
            throw new InvalidInputException("director", "Choose the director");
        }
        board.vote(society, id, input.director(), choice(input.choice()), actor(society));
        return json(society, board.item(society, id));
    }

    @POST
    @Path("items/{id}/result")
    @Transactional
    @Operation(summary = "Declare the result of an item at a board meeting from the votes recorded")
    public ItemJson result(@PathParam("id") long id) {
        Society society = societies.forCaller(slug, BOARD);
        board.declare(society, id);
        return json(society, board.item(society, id));
    }

    public record DecisionInput(String text, LocalDate decidedOn) {
    }

    @POST
    @Path("decisions")
    @Transactional
    @Operation(summary = "Record a decision the board took elsewhere (minutes kept on paper), as other features do for allotments (secretary)")
    public Response recordDecision(DecisionInput input) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        BoardItem item = board.recordDecision(society, input == null ? null : input.text(), input == null ? null : input.decidedOn(),
                caller.requireAccount().email());
        return Response.status(201).entity(json(society, item)).build();
    }

    static DirectorChoice choice(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim().toUpperCase(Locale.ROOT);
        if (t.equals("APPROVE")) {
            return DirectorChoice.FOR;
        }
        if (t.equals("REFUSE")) {
            return DirectorChoice.AGAINST;
        }
        try {
            return DirectorChoice.valueOf(t);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("choice", "Choose FOR, AGAINST or ABSTAIN (APPROVE or REFUSE on a written resolution)");
        }
    }

    BoardDecisions.Actor actor(Society society) {
        boolean secretary = caller.isPlatformAdmin() || caller.rolesIn(society.id()).contains(Role.SECRETARY);
        return new BoardDecisions.Actor(caller.requireAccount(), secretary);
    }

    MeetingJson json(Society society, BoardMeeting m) {
        return json(m, board.directorsOn(society, m.heldOn()), board.views(society, board.itemsOf(m)).stream()
                .map(BoardResource::json).toList());
    }

    private static MeetingJson json(BoardMeeting m, Map<Long, String> board_, List<ItemJson> items) {
        var present = m.present().stream().sorted().map(id -> new Director(id, board_.getOrDefault(id, "?"))).toList();
        return new MeetingJson(m.id(), m.heldOn(), m.place(), present, items);
    }

    ItemJson json(Society society, BoardItem i) {
        return json(board.view(society, i));
    }

    private static ItemJson json(BoardDecisions.ItemView view) {
        BoardItem i = view.item();
        Map<Long, String> names = view.eligibleDirectors();
        return new ItemJson(i.id(), i.kind().name(), i.text(), i.state().name(), i.boardMeetingId(), i.circulatedOn(), i.decidedOn(),
                i.votesFor(), i.votesAgainst(), i.abstentions(), directors(names),
                view.conflicts().values().stream().map(c -> new ConflictJson(c.director(), names.getOrDefault(c.director(), "?"),
                        c.interest())).toList(),
                view.votes().values().stream().map(v -> new VoteJson(v.director(), names.getOrDefault(v.director(), "?"),
                        v.choice().name(), v.recordedBy())).toList(),
                view.tally() == null ? null : view.tally().summary());
    }

    static List<Director> directors(Map<Long, String> map) {
        return map.entrySet().stream().map(e -> new Director(e.getKey(), e.getValue())).toList();
    }
}
