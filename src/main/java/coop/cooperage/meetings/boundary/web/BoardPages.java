package coop.cooperage.meetings.boundary.web;

import coop.cooperage.identity.control.Caller;
import coop.cooperage.identity.entity.Role;
import coop.cooperage.meetings.control.BoardDecisions;
import coop.cooperage.meetings.entity.BoardItem;
import coop.cooperage.meetings.entity.BoardMeeting;
import coop.cooperage.meetings.entity.DirectorChoice;
import coop.cooperage.platform.boundary.web.Flash;
import coop.cooperage.platform.boundary.web.FormInput;
import coop.cooperage.platform.boundary.web.Option;
import coop.cooperage.platform.boundary.web.Page;
import coop.cooperage.platform.control.InvalidInputException;
import coop.cooperage.platform.control.Transactions;
import coop.cooperage.society.control.Societies;
import coop.cooperage.society.entity.Society;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The board's pages, for directors and the secretary: meetings, resolutions, conflicts, votes, written resolutions. */
@Path("s/{society}/board")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class BoardPages {

    private static final Role[] BOARD = {Role.SECRETARY, Role.DIRECTOR};

    @Inject
    Societies societies;

    @Inject
    BoardDecisions board;

    @Inject
    Transactions tx;

    @Inject
    Caller caller;

    @Context
    HttpServletRequest request;

    @PathParam("society")
    String slug;

    @GET
    public Page index() {
        Society society = societies.forCaller(slug, BOARD);
        return indexPage(society, Map.of(), Map.of());
    }

    @POST
    @Path("meetings")
    public Response hold(MultivaluedMap<String, String> form) {
        Society society = societies.forCaller(slug, BOARD);
        var in = new FormInput(form);
        LocalDate heldOn = in.date("heldOn", "Enter the date of the board meeting as a real date");
        var present = new ArrayList<Long>();
        List<String> chosen = form.get("present");
        if (chosen != null) {
            for (String s : chosen) {
                try {
                    present.add(Long.parseLong(s));
                } catch (NumberFormatException e) {
                    in.errors().add("present", "Choose the directors present");
                }
            }
        }
        try {
            in.errors().throwIfAny();
            BoardMeeting m = tx.call(() -> board.holdMeeting(society, heldOn, in.text("place"), present));
            return Flash.redirect(request, base(society) + "/meetings/" + m.id(), "The board meeting has been recorded");
        } catch (InvalidInputException e) {
            return Response.status(400).entity(indexPage(society, in.values(), e.byField())).build();
        }
    }

    @POST
    @Path("directors")
    public Response link(MultivaluedMap<String, String> form) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        var in = new FormInput(form);
        Long director = in.whole("linkDirector", "Choose the director");
        try {
            in.errors().throwIfAny();
            var linked = tx.call(() -> board.linkAccount(society, director, in.text("email")));
            return Flash.redirect(request, base(society), linked.personName() + " can now record their own votes");
        } catch (InvalidInputException e) {
            var errors = new java.util.HashMap<String, String>(e.byField());
            if (errors.containsKey("director")) {
                errors.put("linkDirector", errors.remove("director"));
            }
            return Response.status(e instanceof coop.cooperage.platform.control.ConflictException ? 409 : 400)
                    .entity(indexPage(society, in.values(), errors)).build();
        }
    }

    @POST
    @Path("written-resolutions")
    public Response circulate(MultivaluedMap<String, String> form) {
        Society society = societies.forCaller(slug, BOARD);
        var in = new FormInput(form);
        try {
            BoardItem item = tx.call(() -> board.circulate(society, in.text("text"), caller.requireAccount().email()));
            return Flash.redirect(request, base(society) + "/items/" + item.id(), "The written resolution has been circulated");
        } catch (InvalidInputException e) {
            return Response.status(400).entity(indexPage(society, in.values(), e.byField())).build();
        }
    }

    @GET
    @Path("meetings/{id}")
    public Page meeting(@PathParam("id") long id) {
        Society society = societies.forCaller(slug, BOARD);
        return meetingPage(society, board.meeting(society, id), Map.of(), Map.of());
    }

    @POST
    @Path("meetings/{id}/items")
    public Response addItem(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        Society society = societies.forCaller(slug, BOARD);
        var in = new FormInput(form);
        try {
            BoardItem item = tx.call(() -> board.addItem(society, id, in.text("text"), caller.requireAccount().email()));
            return Flash.redirect(request, base(society) + "/items/" + item.id(), "The resolution has been put to the meeting");
        } catch (InvalidInputException e) {
            return Response.status(400).entity(meetingPage(society, board.meeting(society, id), in.values(), e.byField())).build();
        }
    }

    @GET
    @Path("items/{id}")
    public Page item(@PathParam("id") long id) {
        Society society = societies.forCaller(slug, BOARD);
        return itemPage(society, board.item(society, id), Map.of(), Map.of());
    }

    @POST
    @Path("items/{id}/votes")
    public Response vote(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        Society society = societies.forCaller(slug, BOARD);
        var in = new FormInput(form);
        Long director = in.whole("director", "Choose the director");
        DirectorChoice choice = in.choice("choice", DirectorChoice.class, "Choose how the director votes");
        try {
            in.errors().throwIfAny();
            tx.run(() -> board.vote(society, id, director, choice, actor(society)));
            return Flash.redirect(request, base(society) + "/items/" + id, "The vote has been recorded");
        } catch (InvalidInputException e) {
            return Response.status(e instanceof coop.cooperage.platform.control.ConflictException ? 409 : 400)
                    .entity(itemPage(society, board.item(society, id), in.values(), e.byField())).build();
        }
    }

    @POST
    @Path("items/{id}/conflicts")
    public Response declare(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        Society society = societies.forCaller(slug, BOARD);
        var in = new FormInput(form);
        Long director = in.whole("conflictDirector", "Choose the director");
        try {
            in.errors().throwIfAny();
            tx.run(() -> board.declareConflict(society, id, director, in.text("interest"), actor(society)));
            return Flash.redirect(request, base(society) + "/items/" + id, "The conflict of interest has been recorded");
        } catch (InvalidInputException e) {
            var errors = new java.util.HashMap<String, String>(e.byField());
            if (errors.containsKey("director")) {
                errors.put("conflictDirector", errors.remove("director"));
            }
            return Response.status(e instanceof coop.cooperage.platform.control.ConflictException ? 409 : 400)
                    .entity(itemPage(society, board.item(society, id), in.values(), errors)).build();
        }
    }

    @POST
    @Path("items/{id}/result")
    public Response declareResult(@PathParam("id") long id) {
        Society society = societies.forCaller(slug, BOARD);
        try {
            BoardItem item = tx.call(() -> board.declare(society, id));
            return Flash.redirect(request, base(society) + "/items/" + id,
                    "The resolution was " + item.state().name().toLowerCase(java.util.Locale.ROOT));
        } catch (InvalidInputException e) {
            return Response.status(400).entity(itemPage(society, board.item(society, id), Map.of(), e.byField())).build();
        }
    }

    private BoardDecisions.Actor actor(Society society) {
        return new BoardDecisions.Actor(caller.requireAccount(), isSecretary(society));
    }

    private boolean isSecretary(Society society) {
        return caller.isPlatformAdmin() || caller.rolesIn(society.id()).contains(Role.SECRETARY);
    }

    private static String base(Society society) {
        return "/s/" + society.slug() + "/board";
    }

    private Page indexPage(Society society, Map<String, String> form, Map<String, String> errors) {
        var today = board.today();
        var directors = board.directorsOn(society, today);
        return Page.of("meetings/board").with("title", "Board decisions").with("society", society)
                .with("directors", directors).with("meetings", board.meetings(society))
                .with("items", board.items(society)).with("quorum", board.quorum(society)).with("form", form).with("errors", errors)
                .with("today", today).with("secretary", isSecretary(society))
                .with("directorOptions", directors.entrySet().stream()
                        .map(e -> new Option(String.valueOf(e.getKey()), e.getValue())).toList());
    }

    private Page meetingPage(Society society, BoardMeeting meeting, Map<String, String> form, Map<String, String> errors) {
        return Page.of("meetings/board-meeting").with("title", "Board meeting of " + meeting.heldOn()).with("society", society)
                .with("meeting", meeting).with("directors", board.directorsOn(society, meeting.heldOn()))
                .with("items", board.itemsOf(meeting)).with("form", form).with("errors", errors);
    }

    private Page itemPage(Society society, BoardItem item, Map<String, String> form, Map<String, String> errors) {
        var view = board.view(society, item);
        boolean secretary = isSecretary(society);
        var own = secretary ? null : board.ownAppointments(society, caller.requireAccount());
        // who this person may act for: every eligible director (secretary), or only themselves
        var actFor = new ArrayList<Option>();
        view.eligibleDirectors().forEach((id, name) -> {
            if (own == null || own.contains(id)) {
                actFor.add(new Option(String.valueOf(id), name));
            }
        });
        boolean written = item.kind() == BoardItem.Kind.WRITTEN;
        var choices = written ? List.of(new Option("FOR", "Approve"), new Option("AGAINST", "Refuse"))
                : List.of(new Option("FOR", "For"), new Option("AGAINST", "Against"), new Option("ABSTAIN", "Abstain"));
        return Page.of("meetings/board-item").with("title", written ? "Written resolution" : "Directors' resolution")
                .with("society", society).with("item", item).with("view", view).with("actFor", actFor).with("choices", choices)
                .with("written", written).with("quorum", board.quorum(society)).with("form", form).with("errors", errors);
    }
}
