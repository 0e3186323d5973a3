package coop.cooperage.meetings.boundary;

import coop.cooperage.identity.control.Caller;
import coop.cooperage.identity.entity.Role;
import coop.cooperage.meetings.control.BallotBox.Receipt;
import coop.cooperage.meetings.control.CountReportPdf;
import coop.cooperage.meetings.control.CountResult;
import coop.cooperage.meetings.control.Elections;
import coop.cooperage.meetings.entity.Candidate;
import coop.cooperage.meetings.entity.Channel;
import coop.cooperage.meetings.entity.Election;
import coop.cooperage.meetings.entity.ElectionState;
import coop.cooperage.members.control.PersonalData;
import coop.cooperage.members.entity.Member;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Board elections: the secretary creates them, adds candidates, opens and closes the vote, enters
 * postal papers and declares the count; members vote online (secretly) and, after the close, see
 * the result, the published receipts and the anonymised ballots (BLT).
 */
@Path("api/v1/societies/{society}/elections")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Elections")
public class ElectionsResource {

    public record NewElection(Long meetingId, String title, Integer seats, String method, Boolean secret) {
    }

    public record NewCandidate(Long memberNumber, String ballotName, String statement) {
    }

    /** A ballot: {@code choices} (candidate ids) for plurality, {@code ranks} (candidate id → 1, 2, ...) for STV. */
    public record BallotJson(List<Long> choices, Map<String, Integer> ranks, String changeCode, Long memberNumber) {
    }

    public record CandidateJson(long id, int position, String ballotName, String statement, Boolean elected) {
        static CandidateJson of(Candidate c) {
            return new CandidateJson(c.id(), c.position(), c.ballotName(), c.statement(), c.elected());
        }
    }

    public record ElectionJson(long id, long meetingId, String title, int seats, String method, boolean secret, String state,
            LocalDateTime declaredAt, List<CandidateJson> candidates, Boolean entitled, String myVote, Map<String, Long> turnout) {
    }

    public record ReceiptJson(String receipt, String changeCode, String message) {
        static ReceiptJson of(Receipt r) {
            return new ReceiptJson(r.receipt(), r.changeCode(),
                    "Keep both codes. After the close, find your receipt in the published list. To change your vote before the close, give the change code; it is shown only now.");
        }
    }

    public record Receipts(String state, int count, List<String> receipts) {
    }

    @Inject
    Societies societies;

    @Inject
    Elections elections;

    @Inject
    PersonalData personalData;

    @Inject
    Caller caller;

    @Inject
    CountReportPdf pdf;

    @Inject
    coop.cooperage.meetings.control.SecretProxies secretProxies;

    @Inject
    coop.cooperage.meetings.control.GeneralMeetings meetingsControl;

    @PathParam("society")
    String slug;

    @GET
    @Transactional
    @Operation(summary = "The society's elections")
    public List<ElectionJson> list() {
        Society society = societies.forCaller(slug, Role.values());
        var list = elections.of(society);
        Member me = caller.account().flatMap(a -> personalData.memberFor(society, a)).orElse(null);
        var overview = elections.overview(list, me);
        return list.stream().map(e -> json(society, e, me, overview.candidates().get(e.id()),
                me == null ? null : java.util.Optional.ofNullable(overview.votedBy().get(e.id())), overview.turnout().get(e.id())))
                .toList();
    }

    @POST
    @Transactional
    @Operation(summary = "Create an election at a meeting: title, seats, method (PLURALITY, SCOTTISH_STV, MEEK_STV), secret (default true) (secretary)")
    public Response create(NewElection in) {
        if (in == null) {
            throw new InvalidInputException("body", "Send the election's meeting, title, seats and method");
        }
        Society society = societies.forCaller(slug, Role.SECRETARY);
        Election e = elections.create(society, in.meetingId(), in.title(), in.seats(), in.method(), in.secret());
        return Response.status(201).entity(json(society, e)).build();
    }

    @GET
    @Path("{id}")
    @Transactional
    @Operation(summary = "One election with its candidates and statements; for a member, whether they may vote and have voted")
    public ElectionJson get(@PathParam("id") long id) {
        Society society = societies.forCaller(slug, Role.values());
        return json(society, elections.byId(society, id));
    }

    @POST
    @Path("{id}/candidates")
    @Transactional
    @Operation(summary = "Add a candidate: a member aged 16 or over on the day of the meeting, with the ballot name and statement (secretary)")
    public Response nominate(@PathParam("id") long id, NewCandidate in) {
        if (in == null) {
            throw new InvalidInputException("body", "Send the candidate's member number");
        }
        Society society = societies.forCaller(slug, Role.SECRETARY);
        Candidate c = elections.nominate(society, id, in.memberNumber(), in.ballotName(), in.statement());
        return Response.status(201).entity(CandidateJson.of(c)).build();
    }

    @POST
    @Path("{id}/opening")
    @Transactional
    @Operation(summary = "Open voting (secretary)")
    public ElectionJson open(@PathParam("id") long id) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        return json(society, elections.open(society, id));
    }

    @POST
    @Path("{id}/closing")
    @Transactional
    @Operation(summary = "Close voting and seal the ballot box; the receipts and the BLT file are published (secretary)")
    public ElectionJson close(@PathParam("id") long id) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        // who the caller is, before the close: it casts directed proxy ballots, whose register rows lock those members'
        // rows, and finding the caller's member may try to link one in a transaction of its own, which would wait on them
        Member me = caller.account().flatMap(a -> personalData.memberFor(society, a)).orElse(null);
        Election e = elections.close(society, id);
        return json(society, e, me, elections.candidates(e), me == null ? null : elections.votedBy(e, me), null);
    }

    @POST
    @Path("{id}/ballots")
    @Transactional
    @Operation(summary = "Vote online as the signed-in member; with changeCode, replaces your earlier online vote. Answers the receipt and a new change code, shown once")
    public Response vote(@PathParam("id") long id, BallotJson in) {
        if (in == null) {
            throw new InvalidInputException("ballot", "Send your choices");
        }
        Society society = societies.forCaller(slug, Role.values());
        Member me = personalData.memberFor(society, caller.requireAccount())
                .orElseThrow(() -> new InvalidInputException("ballot", "Only members can vote, and your account is not a member's"));
        Receipt r = elections.voteOnline(society, id, me, in.choices(), ranks(in.ranks()), in.changeCode());
        return Response.status(201).entity(ReceiptJson.of(r)).build();
    }

    /** A proxy holder's ballot for a member who appointed them; chair true: the secretary casts the chair's. */
    public record ProxyBallotJson(Long memberNumber, List<Long> choices, Map<String, Integer> ranks, Boolean chair) {
    }

    @POST
    @Path("{id}/proxy-ballots")
    @Transactional
    @Operation(summary = "As proxy holder, cast the ballot of a member who appointed me for the election's meeting, at my discretion"
            + " (chair=true: the secretary casts the chair's). Answers the receipt")
    public Response proxyBallot(@PathParam("id") long id, ProxyBallotJson in) {
        if (in == null || in.memberNumber() == null) {
            throw new InvalidInputException("memberNumber", "Send the member number of the member whose proxy you hold, and the choices");
        }
        boolean chair = Boolean.TRUE.equals(in.chair());
        Society society = chair ? societies.forCaller(slug, Role.SECRETARY) : societies.forCaller(slug, Role.values());
        Long holder = chair ? null : personalData.memberFor(society, caller.requireAccount())
                .orElseThrow(() -> new InvalidInputException("ballot", "Only members hold proxies, and your account is not a member's")).id();
        long member = meetingsControl.memberId(society, in.memberNumber(), "memberNumber");
        String receipt = secretProxies.castElection(society, id, holder, member, in.choices(), ranks(in.ranks()));
        return Response.status(201).entity(Map.of("receipt", receipt)).build();
    }

    @POST
    @Path("{id}/postal-ballots")
    @Transactional
    @Operation(summary = "Enter a postal paper for a member (secretary): the member is recorded as having voted, the paper goes in the box, unlinked")
    public Response postal(@PathParam("id") long id, BallotJson in) {
        if (in == null) {
            throw new InvalidInputException("ballot", "Send the member number and the paper's choices");
        }
        Society society = societies.forCaller(slug, Role.SECRETARY);
        elections.votePostal(society, id, in.memberNumber(), in.choices(), ranks(in.ranks()));
        return Response.status(201).entity(Map.of("recorded", true)).build();
    }

    @POST
    @Path("{id}/count")
    @Transactional
    @Operation(summary = "Count the closed election with its method and declare the result (secretary)")
    public CountResult count(@PathParam("id") long id) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        return elections.declare(society, id);
    }

    @GET
    @Path("{id}/report")
    @Transactional
    @Operation(summary = "The declared count, stage by stage (JSON)")
    public CountResult report(@PathParam("id") long id) {
        Society society = societies.forCaller(slug, Role.values());
        return elections.report(elections.byId(society, id));
    }

    @GET
    @Path("{id}/report.pdf")
    @Produces("application/pdf")
    @Transactional
    @Operation(summary = "The declared count, stage by stage (PDF)")
    public Response reportPdf(@PathParam("id") long id) {
        Society society = societies.forCaller(slug, Role.values());
        Election e = elections.byId(society, id);
        byte[] bytes = pdf.render(society, e, elections.report(e));
        return Response.ok(bytes, "application/pdf").header("Content-Disposition", "attachment; filename=\"count-" + id + ".pdf\"").build();
    }

    @GET
    @Path("{id}/receipts")
    @Transactional
    @Operation(summary = "The receipts of every counted ballot, sorted, once voting has closed")
    public Receipts receipts(@PathParam("id") long id) {
        Society society = societies.forCaller(slug, Role.values());
        Election e = elections.byId(society, id);
        var list = elections.receipts(e);
        return new Receipts(e.state().name(), list.size(), list);
    }

    @GET
    @Path("{id}/ballots.blt")
    @Produces("text/plain")
    @Transactional
    @Operation(summary = "The anonymised ballots as a BLT file, once voting has closed, to recount with any STV software")
    public Response blt(@PathParam("id") long id) {
        Society society = societies.forCaller(slug, Role.values());
        Election e = elections.byId(society, id);
        return Response.ok(elections.blt(e), "text/plain; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"election-" + id + ".blt\"").build();
    }

    static Map<Long, Integer> ranks(Map<String, Integer> in) {
        if (in == null) {
            return null;
        }
        var ranks = new HashMap<Long, Integer>();
        for (var e : in.entrySet()) {
            try {
                ranks.put(Long.parseLong(e.getKey().trim()), e.getValue());
            } catch (NumberFormatException ex) {
                throw new InvalidInputException("ranks", "Rank candidates by their id");
            }
        }
        return ranks;
    }

    private ElectionJson json(Society society, Election e) {
        Member me = caller.account().flatMap(a -> personalData.memberFor(society, a)).orElse(null);
        return json(society, e, me, elections.candidates(e), me == null ? null : elections.votedBy(e, me), null);
    }

    /** One election as JSON, from figures already read (a list reads them for every election at once); turnout null: read it. */
    private ElectionJson json(Society society, Election e, Member me, List<coop.cooperage.meetings.entity.Candidate> candidates,
            java.util.Optional<coop.cooperage.meetings.entity.Channel> myVoteChannel,
            Map<coop.cooperage.meetings.entity.Channel, Long> turnoutRead) {
        boolean officer = caller.isPlatformAdmin() || caller.rolesIn(society.id()).stream().anyMatch(Role::isOfficer);
        Boolean entitled = me == null ? null : elections.entitled(e, me);
        String myVote = me == null ? null : myVoteChannel.map(Enum::name).orElse("NONE");
        Map<String, Long> turnout = null;
        if (officer || e.state() == ElectionState.CLOSED || e.state() == ElectionState.DECLARED) {
            turnout = new java.util.TreeMap<>();
            for (var t : (turnoutRead != null ? turnoutRead : elections.turnout(e)).entrySet()) {
                turnout.put(t.getKey().name(), t.getValue());
            }
        }
        return new ElectionJson(e.id(), e.meetingId(), e.title(), e.seats(), e.method().name(), e.secret(), e.state().name(),
                e.declaredAt(), candidates.stream().map(CandidateJson::of).toList(), entitled, myVote, turnout);
    }
}
