package coop.cooperage.meetings.boundary.web;

import coop.cooperage.identity.control.Caller;
import coop.cooperage.identity.entity.Role;
import coop.cooperage.meetings.control.BallotBox.Receipt;
import coop.cooperage.meetings.control.CountMethod;
import coop.cooperage.meetings.control.Elections;
import coop.cooperage.meetings.entity.Candidate;
import coop.cooperage.meetings.entity.Election;
import coop.cooperage.meetings.entity.ElectionState;
import coop.cooperage.members.control.PersonalData;
import coop.cooperage.members.entity.Member;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Election pages: the secretary runs the election (create, candidates, open, postal papers,
 * close, count); a member reads the candidates' statements, votes, keeps the receipt shown once,
 * and after the close sees the result and finds the receipt in the published list.
 */
@Path("s/{society}/elections")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class ElectionPages {

    private static final DateTimeFormatter MEETING_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);

    @Inject
    Societies societies;

    @Inject
    Elections elections;

    @Inject
    PersonalData personalData;

    @Inject
    Transactions tx;

    @Inject
    Caller caller;

    @Inject
    coop.cooperage.meetings.control.SecretProxies secretProxies;

    @Inject
    coop.cooperage.meetings.control.GeneralMeetings meetings;

    @Context
    HttpServletRequest request;

    @PathParam("society")
    String slug;

    @GET
    public Page list() {
        Society society = societies.forCaller(slug, Role.values());
        return tx.call(() -> Page.of("elections/list").with("title", "Elections").with("society", society)
                .with("elections", elections.of(society)).with("secretary", isSecretary(society)));
    }

    @GET
    @Path("new")
    public Page newForm() {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        return createForm(society, Map.of("secret", "true", "seats", "1"), Map.of());
    }

    private Page createForm(Society society, Map<String, String> form, Map<String, String> errors) {
        var meetings = tx.call(() -> elections.meetings(society)).stream()
                .map(m -> new Option(String.valueOf(m.id()), m.title() + " – " + m.startsAt().format(MEETING_TIME))).toList();
        return Page.of("elections/new").with("title", "Create an election").with("society", society).with("form", form)
                .with("errors", errors).with("meetings", meetings)
                .with("methods", List.of(new Option("PLURALITY", "Plurality: vote for up to as many candidates as seats"),
                        new Option("SCOTTISH_STV", "Single transferable vote (Scottish rules, SSI 2007/42)"),
                        new Option("MEEK_STV", "Single transferable vote (Meek's method)")));
    }

    @POST
    public Response create(MultivaluedMap<String, String> form) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        var in = new FormInput(form);
        try {
            Long meeting = in.whole("meetingId", "Choose the meeting the election is held at");
            Integer seats = in.integer("seats", "Enter the number of seats, from 1 to 50");
            in.errors().throwIfAny();
            Election e = tx.call(() -> elections.create(society, meeting, in.text("title"), seats, in.text("method"), in.flag("secret")));
            return Flash.redirect(request, "/s/" + society.slug() + "/elections/" + e.id(), "The election has been created: add the candidates");
        } catch (InvalidInputException e) {
            return Response.status(400).entity(createForm(society, in.values(), merged(in, e))).build();
        }
    }

    @GET
    @Path("{id}")
    public Page election(@PathParam("id") long id) {
        Society society = societies.forCaller(slug, Role.values());
        return tx.call(() -> electionPage(society, id, Map.of(), Map.of()));
    }

    private Page electionPage(Society society, long id, Map<String, String> form, Map<String, String> errors) {
        Election e = elections.byId(society, id);
        Member me = caller.account().flatMap(a -> personalData.memberFor(society, a)).orElse(null);
        boolean published = e.state() == ElectionState.CLOSED || e.state() == ElectionState.DECLARED;
        var page = Page.of("elections/election").with("title", e.title()).with("society", society).with("election", e)
                .with("meeting", elections.meetingOf(e)).with("candidates", elections.candidates(e))
                .with("secretary", isSecretary(society)).with("method", describe(e.method())).with("form", form).with("errors", errors)
                .with("member", me).with("entitled", me != null && elections.entitled(e, me))
                .with("voted", me == null ? null : elections.votedBy(e, me).map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', ' ')).orElse(null))
                .with("published", published).with("api", "/api/v1/societies/" + society.slug() + "/elections/" + e.id());
        if (published) {
            page.with("receipts", elections.receipts(e));
            var turnout = new HashMap<String, Long>();
            elections.turnout(e).forEach((k, v) -> turnout.put(k.name(), v));
            page.with("turnout", turnout);
        } else if (isSecretary(society)) {
            var turnout = new HashMap<String, Long>();
            elections.turnout(e).forEach((k, v) -> turnout.put(k.name(), v));
            page.with("turnout", turnout);
        }
        if (e.state() == ElectionState.DECLARED) {
            page.with("result", elections.report(e));
        }
        return page;
    }

    @POST
    @Path("{id}/candidates")
    public Response nominate(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        var in = new FormInput(form);
        try {
            Long number = in.whole("memberNumber", "Enter the candidate's member number");
            in.errors().throwIfAny();
            Candidate c = tx.call(() -> elections.nominate(society, id, number, in.text("ballotName"), in.text("statement")));
            return Flash.redirect(request, "/s/" + society.slug() + "/elections/" + id, c.ballotName() + " is a candidate");
        } catch (InvalidInputException e) {
            return Response.status(400).entity(tx.call(() -> electionPage(society, id, in.values(), merged(in, e)))).build();
        }
    }

    @POST
    @Path("{id}/{step: opening|closing|count}")
    public Response step(@PathParam("id") long id, @PathParam("step") String step) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        try {
            String done = tx.call(() -> switch (step) {
                case "opening" -> {
                    elections.open(society, id);
                    yield "Voting is open";
                }
                case "closing" -> {
                    elections.close(society, id);
                    yield "Voting has closed and the ballot box is sealed";
                }
                default -> "Counted. Elected: " + String.join(", ", elections.declare(society, id).elected());
            });
            return Flash.redirect(request, "/s/" + society.slug() + "/elections/" + id, done);
        } catch (InvalidInputException e) {
            return Response.status(400).entity(tx.call(() -> electionPage(society, id, Map.of(), e.byField()))).build();
        }
    }

    // ------------------------------------------------------------------ the ballot paper

    @GET
    @Path("{id}/vote")
    public Page ballot(@PathParam("id") long id) {
        Society society = societies.forCaller(slug, Role.values());
        return tx.call(() -> ballotPage(society, id, false, Map.of(), Map.of()));
    }

    private Page ballotPage(Society society, long id, boolean postal, Map<String, String> form, Map<String, String> errors) {
        Election e = elections.byId(society, id);
        Member me = caller.account().flatMap(a -> personalData.memberFor(society, a)).orElse(null);
        var voted = !postal && me != null ? elections.votedBy(e, me) : java.util.Optional.<coop.cooperage.meetings.entity.Channel>empty();
        return Page.of("elections/ballot").with("title", (postal ? "Postal paper: " : "Vote: ") + e.title()).with("society", society)
                .with("election", e).with("candidates", elections.candidates(e)).with("postal", postal)
                .with("ranked", e.method() != CountMethod.PLURALITY).with("form", form).with("errors", errors)
                .with("votedOnline", voted.isPresent())
                .with("votedByProxy", voted.filter(c -> c == coop.cooperage.meetings.entity.Channel.PROXY).isPresent());
    }

    // ------------------------------------------------------------------ a proxy holder's ballot paper

    @GET
    @Path("{id}/proxy/{number}")
    public Page proxyBallot(@PathParam("id") long id, @PathParam("number") long number, @QueryParam("chair") boolean chair) {
        Society society = chair ? societies.forCaller(slug, Role.SECRETARY) : societies.forCaller(slug, Role.values());
        return tx.call(() -> proxyPage(society, id, number, chair, Map.of(), Map.of()));
    }

    private Page proxyPage(Society society, long id, long number, boolean chair, Map<String, String> form, Map<String, String> errors) {
        Election e = elections.byId(society, id);
        // the member's direction, which the holder needs to cast it (nobody else is shown it)
        Long holder = chair ? null : caller.account().flatMap(a -> personalData.memberFor(society, a)).map(Member::id).orElse(-1L);
        List<String> directed = null;
        try {
            directed = secretProxies.electionDirection(e, holder, meetings.memberId(society, number, "memberNumber")).orElse(null);
        } catch (InvalidInputException | coop.cooperage.platform.control.NoSuchResourceException unknown) {
            // no such member: the page says nothing of a direction, and casting is refused
        }
        return ballotPage(society, id, false, form, errors).with("votedOnline", false).with("votedByProxy", false)
                .with("title", "Proxy ballot of member " + number + ": " + e.title())
                .with("proxyFor", number).with("asChair", chair).with("directed", directed)
                // the secretary casting the chair's is an officer: told there is a direction, not what it says
                .with("directionHidden", chair);
    }

    @POST
    @Path("{id}/proxy/{number}")
    public Response castProxy(@PathParam("id") long id, @PathParam("number") long number, MultivaluedMap<String, String> form) {
        var in = new FormInput(form);
        boolean chair = "true".equals(in.text("chair"));
        Society society = chair ? societies.forCaller(slug, Role.SECRETARY) : societies.forCaller(slug, Role.values());
        try {
            String receipt = tx.call(() -> {
                Long holder = chair ? null : personalData.memberFor(society, caller.requireAccount())
                        .orElseThrow(() -> new InvalidInputException("ballot", "Only members hold proxies, and your account is not a member's")).id();
                Election e = elections.byId(society, id);
                return secretProxies.castElection(society, id, holder, meetings.memberId(society, number, "memberNumber"), choices(form),
                        ranks(e, form));
            });
            String back = chair ? "/s/" + society.slug() + "/meetings/" + tx.call(() -> elections.byId(society, id).meetingId()) + "/attendance"
                    : "/s/" + society.slug() + "/my-meetings/" + tx.call(() -> elections.byId(society, id).meetingId());
            return Flash.redirect(request, back, "The ballot of member " + number + " is in the box. Its receipt is " + receipt
                    + ": the member can find it with their proxy code, and it is published after the close.");
        } catch (InvalidInputException e) {
            return Response.status(e instanceof coop.cooperage.platform.control.ConflictException ? 409 : 400)
                    .entity(tx.call(() -> proxyPage(society, id, number, chair, in.values(), e.byField()))).build();
        }
    }

    @POST
    @Path("{id}/vote")
    public Response vote(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        Society society = societies.forCaller(slug, Role.values());
        var in = new FormInput(form);
        try {
            Receipt receipt = tx.call(() -> {
                Member me = personalData.memberFor(society, caller.requireAccount())
                        .orElseThrow(() -> new InvalidInputException("ballot", "Only members can vote, and your account is not a member's"));
                Election e = elections.byId(society, id);
                return elections.voteOnline(society, id, me, choices(form), ranks(e, form), in.text("changeCode"));
            });
            // shown once, now: the codes are not kept anywhere we could show them again
            return Response.ok(tx.call(() -> Page.of("elections/receipt").with("title", "Your vote has been cast").with("society", society)
                    .with("election", elections.byId(society, id)).with("receipt", receipt))).header("Cache-Control", "no-store").build();
        } catch (InvalidInputException e) {
            return Response.status(e instanceof coop.cooperage.platform.control.ConflictException ? 409 : 400)
                    .entity(tx.call(() -> ballotPage(society, id, false, in.values(), e.byField()))).build();
        }
    }

    @GET
    @Path("{id}/postal")
    public Page postalForm(@PathParam("id") long id) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        return tx.call(() -> ballotPage(society, id, true, Map.of(), Map.of()));
    }

    @POST
    @Path("{id}/postal")
    public Response postal(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        var in = new FormInput(form);
        try {
            Long number = in.whole("memberNumber", "Enter the member number printed on the postal voting form");
            in.errors().throwIfAny();
            tx.run(() -> elections.votePostal(society, id, number, choices(form), ranks(elections.byId(society, id), form)));
            return Flash.redirect(request, "/s/" + society.slug() + "/elections/" + id + "/postal",
                    "The postal paper of member " + number + " is in the ballot box");
        } catch (InvalidInputException e) {
            return Response.status(e instanceof coop.cooperage.platform.control.ConflictException ? 409 : 400)
                    .entity(tx.call(() -> ballotPage(society, id, true, in.values(), merged(in, e)))).build();
        }
    }

    private static List<Long> choices(MultivaluedMap<String, String> form) {
        var choices = new ArrayList<Long>();
        for (String v : form.getOrDefault("choice", List.of())) {
            try {
                choices.add(Long.parseLong(v));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("choices", "That is not a candidate in this election");
            }
        }
        return choices;
    }

    /** rank-{candidate id} fields; blank ones are candidates the voter did not number. */
    private Map<Long, Integer> ranks(Election e, MultivaluedMap<String, String> form) {
        var ranks = new HashMap<Long, Integer>();
        for (Candidate c : elections.candidates(e)) {
            String v = form.getFirst("rank-" + c.id());
            if (v != null && !v.isBlank()) {
                try {
                    ranks.put(c.id(), Integer.parseInt(v.trim()));
                } catch (NumberFormatException ex) {
                    throw new InvalidInputException("ranks", "Number your choices with whole numbers: 1, 2, 3 and so on");
                }
            }
        }
        return ranks;
    }

    private static Map<String, String> merged(FormInput in, InvalidInputException e) {
        var errors = new java.util.LinkedHashMap<String, String>(in.errors().byField());
        errors.putAll(e.byField());
        return errors;
    }

    private boolean isSecretary(Society society) {
        return caller.isPlatformAdmin() || caller.rolesIn(society.id()).contains(Role.SECRETARY);
    }

    static String describe(CountMethod method) {
        return switch (method) {
            case PLURALITY -> "Plurality: vote for up to as many candidates as there are seats";
            case SCOTTISH_STV -> "Single transferable vote (Scottish local government rules): number the candidates in order of preference";
            case MEEK_STV -> "Single transferable vote (Meek's method): number the candidates in order of preference";
        };
    }
}
