package coop.cooperage.meetings.boundary;

import coop.cooperage.identity.control.Caller;
import coop.cooperage.identity.entity.Role;
import coop.cooperage.meetings.boundary.MeetingJson.AttendanceJson;
import coop.cooperage.meetings.boundary.MeetingJson.Ballot;
import coop.cooperage.meetings.boundary.MeetingJson.BallotItem;
import coop.cooperage.meetings.boundary.MeetingJson.CheckIn;
import coop.cooperage.meetings.boundary.MeetingJson.Discretion;
import coop.cooperage.meetings.boundary.MeetingJson.DocumentJson;
import coop.cooperage.meetings.boundary.MeetingJson.Hands;
import coop.cooperage.meetings.boundary.MeetingJson.MeetingDetail;
import coop.cooperage.meetings.boundary.MeetingJson.MeetingInput;
import coop.cooperage.meetings.boundary.MeetingJson.MeetingSummary;
import coop.cooperage.meetings.boundary.MeetingJson.MyVote;
import coop.cooperage.meetings.boundary.MeetingJson.NoticeInput;
import coop.cooperage.meetings.boundary.MeetingJson.NoticeJson;
import coop.cooperage.meetings.boundary.MeetingJson.ProxyInput;
import coop.cooperage.meetings.boundary.MeetingJson.ProxyJson;
import coop.cooperage.meetings.boundary.MeetingJson.HeldJson;
import coop.cooperage.meetings.boundary.MeetingJson.ProxyBallotInput;
import coop.cooperage.meetings.boundary.MeetingJson.ProxyCodeInput;
import coop.cooperage.meetings.entity.Resolution;
import coop.cooperage.meetings.boundary.MeetingJson.QuorumJson;
import coop.cooperage.meetings.boundary.MeetingJson.ResolutionInput;
import coop.cooperage.meetings.boundary.MeetingJson.ResolutionJson;
import coop.cooperage.meetings.boundary.MeetingJson.VoteInput;
import coop.cooperage.meetings.boundary.MeetingJson.VoteJson;
import coop.cooperage.meetings.control.GeneralMeetings;
import coop.cooperage.meetings.control.MeetingVotes;
import coop.cooperage.meetings.control.Minutes;
import coop.cooperage.meetings.entity.AttendanceMode;
import coop.cooperage.meetings.entity.Channel;
import coop.cooperage.meetings.entity.Meeting;
import coop.cooperage.meetings.entity.MeetingKind;
import coop.cooperage.meetings.entity.MeetingState;
import coop.cooperage.meetings.entity.ResolutionKind;
import coop.cooperage.meetings.entity.Tally;
import coop.cooperage.meetings.entity.VoteChoice;
import coop.cooperage.members.control.PersonalData;
import coop.cooperage.members.entity.Member;
import coop.cooperage.platform.control.InvalidInputException;
import coop.cooperage.platform.control.NoSuchResourceException;
import coop.cooperage.society.control.Societies;
import coop.cooperage.society.entity.Society;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * General meetings: the secretary's running of them (officers read), and each member's own
 * ballot, proxy and check-in under {@code mine} and {@code {id}/my-...}.
 */
@Path("api/v1/societies/{society}/meetings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Meetings")
public class MeetingsResource {

    @Inject
    Societies societies;

    @Inject
    GeneralMeetings meetings;

    @Inject
    MeetingVotes votes;

    @Inject
    coop.cooperage.meetings.control.SecretProxies secretProxies;

    @Inject
    Minutes minutes;

    @Inject
    PersonalData personalData;

    @Inject
    Caller caller;

    @PathParam("society")
    String slug;

    // ---- the secretary's meeting ----

    @GET
    @Operation(summary = "Every general meeting of the society, newest first (officers)")
    public List<MeetingSummary> list() {
        Society society = societies.forCaller(slug, Societies.OFFICERS);
        return meetings.of(society).stream().map(MeetingSummary::of).toList();
    }

    @POST
    @Transactional
    @Operation(summary = "Create a meeting (secretary); notice in clear days is checked against today, or against noticeSentOn")
    public Response create(MeetingInput in) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        Meeting m = meetings.create(society, details(in));
        return Response.status(201).entity(detail(society, m)).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A meeting with its notice check, quorum, resolutions and documents (officers)")
    public MeetingDetail get(@PathParam("id") long id) {
        Society society = societies.forCaller(slug, Societies.OFFICERS);
        return detail(society, meetings.byId(society, id));
    }

    @PUT
    @Path("{id}")
    @Transactional
    @Operation(summary = "Change a draft meeting (secretary)")
    public MeetingDetail revise(@PathParam("id") long id, MeetingInput in) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        return detail(society, meetings.revise(society, id, details(in)));
    }

    @POST
    @Path("{id}/notice")
    @Transactional
    @Operation(summary = "Record that notice was given by other means on a date, checked in clear days (secretary)")
    public MeetingDetail notice(@PathParam("id") long id, NoticeInput in) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        return detail(society, meetings.recordNotice(society, id, in == null ? null : in.sentOn()));
    }

    @POST
    @Path("{id}/opening")
    @Transactional
    @Operation(summary = "Open the meeting on the day (secretary)")
    public MeetingDetail open(@PathParam("id") long id) {
        return transition(id, "open");
    }

    @POST
    @Path("{id}/poll-closure")
    @Transactional
    @Operation(summary = "Close the poll now: no more votes by any channel (secretary)")
    public MeetingDetail closePoll(@PathParam("id") long id) {
        return transition(id, "close-poll");
    }

    @POST
    @Path("{id}/closure")
    @Transactional
    @Operation(summary = "Close the meeting, and the poll with it (secretary)")
    public MeetingDetail close(@PathParam("id") long id) {
        return transition(id, "close");
    }

    @POST
    @Path("{id}/cancellation")
    @Transactional
    @Operation(summary = "Cancel a meeting not yet held (secretary)")
    public MeetingDetail cancel(@PathParam("id") long id) {
        return transition(id, "cancel");
    }

    private MeetingDetail transition(long id, String action) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        return detail(society, meetings.transition(society, id, action));
    }

    // ---- documents ----

    @POST
    @Path("{id}/documents")
    @Consumes(MediaType.WILDCARD)
    @Transactional
    @Operation(summary = "Upload a paper for the meeting: the body is the file; title and fileName in the query (secretary)")
    public Response upload(@PathParam("id") long id, @QueryParam("title") String title, @QueryParam("fileName") String fileName,
            @jakarta.ws.rs.HeaderParam("Content-Type") String contentType, byte[] content) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        var doc = meetings.addDocument(society, id, title, fileName, contentType, content);
        return Response.status(201).entity(DocumentJson.of(doc)).build();
    }

    @GET
    @Path("{id}/documents/{document}")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "Download a paper (officers; members once notice has been given)")
    public Response document(@PathParam("id") long id, @PathParam("document") long documentId) {
        Society society = societies.forCaller(slug, Role.values());
        Meeting m = meetings.byId(society, id);
        requireOfficerOrNoticed(society, m);
        var d = meetings.document(society, id, documentId);
        // served as uploaded only when it is a harmless type; anything else downloads as bytes
        String type = "application/pdf".equals(d.contentType()) || "text/plain".equals(d.contentType()) ? d.contentType()
                : MediaType.APPLICATION_OCTET_STREAM;
        return Response.ok(d.content(), type)
                .header("Content-Disposition", "attachment; filename=\"" + d.fileName().replace("\"", "") + "\"").build();
    }

    // ---- resolutions ----

    @POST
    @Path("{id}/resolutions")
    @Transactional
    @Operation(summary = "Add a resolution to the agenda (secretary)")
    public Response addResolution(@PathParam("id") long id, ResolutionInput in) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        var r = meetings.addResolution(society, id, resolutionInput(in));
        return Response.status(201).entity(ResolutionJson.of(r, null)).build();
    }

    @PUT
    @Path("{id}/resolutions/{resolution}")
    @Transactional
    @Operation(summary = "Change a resolution before notice is given (secretary)")
    public ResolutionJson reviseResolution(@PathParam("id") long id, @PathParam("resolution") long rid, ResolutionInput in) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        return ResolutionJson.of(meetings.reviseResolution(society, id, rid, resolutionInput(in)), null);
    }

    @POST
    @Path("{id}/resolutions/{resolution}/withdrawal")
    @Transactional
    @Operation(summary = "Withdraw a resolution not yet decided (secretary)")
    public ResolutionJson withdraw(@PathParam("id") long id, @PathParam("resolution") long rid) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        return ResolutionJson.of(meetings.withdraw(society, id, rid), null);
    }

    @POST
    @Path("{id}/resolutions/{resolution}/show-of-hands")
    @Transactional
    @Operation(summary = "Decide an ordinary resolution on a show of hands: for, against, abstain (secretary; refused while inquorate)")
    public ResolutionJson showOfHands(@PathParam("id") long id, @PathParam("resolution") long rid, Hands hands) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        var r = votes.showOfHands(society, id, rid, tally(hands));
        return ResolutionJson.of(r, votes.resultOf(society, r));
    }

    @POST
    @Path("{id}/resolutions/{resolution}/poll-demand")
    @Transactional
    @Operation(summary = "A poll is demanded: the resolution is decided by every counted vote (secretary)")
    public ResolutionJson demandPoll(@PathParam("id") long id, @PathParam("resolution") long rid) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        return ResolutionJson.of(votes.demandPoll(society, id, rid), null);
    }

    @POST
    @Path("{id}/resolutions/{resolution}/declaration")
    @Transactional
    @Operation(summary = "Count the poll (own votes, then proxies) and declare the result with its figures (secretary; poll closed, quorate)")
    public ResolutionJson declare(@PathParam("id") long id, @PathParam("resolution") long rid) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        var result = votes.declare(society, id, rid);
        return ResolutionJson.of(meetings.resolution(society, id, rid), result);
    }

    @POST
    @Path("{id}/resolutions/{resolution}/votes")
    @Transactional
    @Operation(summary = "Enter a member's paper ballot at the meeting (IN_PERSON) or postal vote (POSTAL) (secretary)")
    public Response enterVote(@PathParam("id") long id, @PathParam("resolution") long rid, VoteInput in) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        if (in == null) {
            throw new InvalidInputException("choice", "Send memberNumber, channel and choice");
        }
        long memberId = meetings.memberId(society, in.memberNumber(), "memberNumber");
        Channel channel = choice(Channel.class, in.channel(), "channel");
        if (channel == Channel.ONLINE || channel == Channel.PROXY) {
            throw new InvalidInputException("channel", "The secretary enters IN_PERSON (paper at the meeting) or POSTAL votes");
        }
        var v = votes.cast(society, id, rid, memberId, channel, choice(VoteChoice.class, in.choice(), "choice"),
                caller.requireAccount().email());
        return Response.status(201).entity(new VoteJson(in.memberNumber(), null, v.channel().name(),
                v.choice() == null ? null : v.choice().name())).build();
    }

    @GET
    @Path("{id}/resolutions/{resolution}/votes")
    @Operation(summary = "The counted vote of each member on an open ballot (officers)")
    public List<VoteJson> votes(@PathParam("id") long id, @PathParam("resolution") long rid) {
        Society society = societies.forCaller(slug, Societies.OFFICERS);
        var r = meetings.resolution(society, id, rid);
        if (r.secret()) {
            // who voted and how they voted in, never what
            var voters = votes.voters(r);
            var names = meetings.memberNames(society, voters.keySet());
            return voters.entrySet().stream().map(e -> {
                Object[] n = names.get(e.getKey());
                return new VoteJson(n == null ? null : (Long) n[0], n == null ? null : (String) n[1], e.getValue().name(), null);
            }).toList();
        }
        var counted = votes.votes(r);
        var names = meetings.memberNames(society, counted.keySet());
        return counted.values().stream().map(v -> {
            Object[] n = names.get(v.member());
            return new VoteJson(n == null ? null : (Long) n[0], n == null ? null : (String) n[1], v.channel().name(), v.choice().name());
        }).toList();
    }

    @POST
    @Path("{id}/resolutions/{resolution}/proxy-discretion")
    @Transactional
    @Operation(summary = "How the chair (no holderMemberNumber) or a member holding proxies votes the undirected ones (secretary)")
    public Response discretion(@PathParam("id") long id, @PathParam("resolution") long rid, Discretion in) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        Long holder = in == null || in.holderMemberNumber() == null ? null
                : meetings.memberId(society, in.holderMemberNumber(), "holderMemberNumber");
        votes.discretion(society, id, rid, holder, choice(VoteChoice.class, in == null ? null : in.choice(), "choice"));
        return Response.noContent().build();
    }

    // ---- attendance, quorum, proxies ----

    @GET
    @Path("{id}/attendance")
    @Operation(summary = "The attendance register (officers)")
    public List<AttendanceJson> attendance(@PathParam("id") long id) {
        Society society = societies.forCaller(slug, Societies.OFFICERS);
        Meeting m = meetings.byId(society, id);
        var rows = votes.attendance(m);
        var names = meetings.memberNames(society, rows.stream().map(a -> a.memberId()).toList());
        return rows.stream().map(a -> AttendanceJson.of(a, names.get(a.memberId()))).toList();
    }

    @POST
    @Path("{id}/attendance")
    @Transactional
    @Operation(summary = "Check a member in (secretary): mode IN_PERSON (default) or ONLINE")
    public Response checkIn(@PathParam("id") long id, CheckIn in) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        long memberId = meetings.memberId(society, in == null ? null : in.memberNumber(), "memberNumber");
        AttendanceMode mode = in.mode() == null ? AttendanceMode.IN_PERSON : choice(AttendanceMode.class, in.mode(), "mode");
        var a = votes.checkIn(society, id, memberId, mode, caller.requireAccount().id());
        return Response.status(201).entity(AttendanceJson.of(a, meetings.memberNames(society, List.of(memberId)).get(memberId))).build();
    }

    @GET
    @Path("{id}/quorum")
    @Operation(summary = "The live quorum (officers)")
    public QuorumJson quorum(@PathParam("id") long id) {
        Society society = societies.forCaller(slug, Societies.OFFICERS);
        return QuorumJson.of(votes.quorum(society, meetings.byId(society, id)));
    }

    @GET
    @Path("{id}/proxies")
    @Operation(summary = "The standing proxy appointments (officers)")
    public List<ProxyJson> proxies(@PathParam("id") long id) {
        Society society = societies.forCaller(slug, Societies.OFFICERS);
        Meeting m = meetings.byId(society, id);
        var standing = votes.proxies(m);
        var ids = new java.util.HashSet<Long>();
        standing.forEach(a -> {
            ids.add(a.memberId());
            if (a.holderMemberId() != null) {
                ids.add(a.holderMemberId());
            }
        });
        var names = meetings.memberNames(society, ids);
        // a direction on a secret resolution says what that member's ballot will hold: the officers see it is there, not what
        var secret = meetings.resolutions(m).stream().filter(Resolution::secret).map(Resolution::id).collect(java.util.stream.Collectors.toSet());
        return standing.stream().map(a -> {
            var shown = new java.util.HashMap<Long, VoteChoice>(a.directions());
            shown.keySet().removeAll(secret);
            var json = proxyJson(new MeetingVotes.Appointment(a.id(), a.memberId(), a.holderMemberId(), a.lodgedAt(), shown), names);
            var dirs = new LinkedHashMap<Long, String>(json.directions());
            a.directions().keySet().stream().filter(secret::contains).forEach(rid -> dirs.put(rid, "SECRET"));
            // likewise a direction in an election: it is the member's ballot
            var ballots = new LinkedHashMap<Long, String>();
            a.electionDirections().keySet().stream().sorted().forEach(eid -> ballots.put(eid, "SECRET"));
            return new ProxyJson(json.memberNumber(), json.holder(), json.holderMemberNumber(), json.lodgedAt(), dirs, ballots, null);
        }).toList();
    }

    // ---- proxies in secret ballots ----

    @GET
    @Path("{id}/held-proxies")
    @Operation(summary = "The proxies I hold for the meeting, with each secret poll: the member's direction, whether they have voted;"
            + " chair=true: the chair's (secretary)")
    public List<HeldJson> heldProxies(@PathParam("id") long id, @jakarta.ws.rs.QueryParam("chair") boolean chair) {
        Society society = chair ? societies.forCaller(slug, Role.SECRETARY) : societies.forCaller(slug, Role.values());
        Meeting m = chair ? meetings.byId(society, id) : visibleMeeting(society, id);
        Long holder = chair ? null : me(society).id();
        return secretProxies.held(society, m, holder).stream().map(h -> HeldJson.of(h, !chair)).toList();
    }

    @POST
    @Path("{id}/resolutions/{resolution}/proxy-ballots")
    @Transactional
    @Operation(summary = "As proxy holder, cast the secret ballot of a member who appointed me (chair=true: the secretary casts the"
            + " chair's); a directed proxy is cast as directed. Answers the receipt")
    public Response proxyBallot(@PathParam("id") long id, @PathParam("resolution") long rid, ProxyBallotInput in) {
        if (in == null) {
            throw new InvalidInputException("memberNumber", "Send memberNumber and, for an undirected proxy, choice");
        }
        boolean chair = Boolean.TRUE.equals(in.chair());
        Society society = chair ? societies.forCaller(slug, Role.SECRETARY) : societies.forCaller(slug, Role.values());
        Long holder = chair ? null : me(society).id();
        if (!chair) {
            visibleMeeting(society, id);
        }
        long member = meetings.memberId(society, in.memberNumber(), "memberNumber");
        VoteChoice choice = in.choice() == null || in.choice().isBlank() ? null : choice(VoteChoice.class, in.choice(), "choice");
        String receipt = secretProxies.castResolution(society, id, rid, holder, member, choice);
        return Response.status(201).entity(Map.of("receipt", receipt)).build();
    }

    @POST
    @Path("{id}/my-proxy-receipts")
    @Transactional
    @Operation(summary = "With my proxy code, the receipts of the secret ballots my proxy cast for me (by poll)")
    public Map<String, String> myProxyReceipts(@PathParam("id") long id, ProxyCodeInput in) {
        Society society = societies.forCaller(slug, Role.values());
        me(society);
        return secretProxies.receipts(visibleMeeting(society, id), in == null ? null : in.proxyCode());
    }

    @POST
    @Path("{id}/proxies")
    @Transactional
    @Operation(summary = "Lodge a member's paper proxy form (secretary): holderMemberNumber absent = the chair; directions by resolution id")
    public Response lodgeProxy(@PathParam("id") long id, ProxyInput in) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        if (in == null) {
            throw new InvalidInputException("memberNumber", "Send memberNumber, holderMemberNumber and directions");
        }
        long memberId = meetings.memberId(society, in.memberNumber(), "memberNumber");
        return Response.status(201).entity(appoint(society, id, memberId, in)).build();
    }

    @DELETE
    @Path("{id}/proxies/{number}")
    @Transactional
    @Operation(summary = "Revoke a member's proxy, before the deadline (secretary)")
    public Response revokeProxy(@PathParam("id") long id, @PathParam("number") long number) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        votes.revoke(society, id, meetings.memberId(society, number, "memberNumber"));
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/minutes.pdf")
    @Produces("application/pdf")
    @Operation(summary = "Draft minutes as PDF: attendance, quorum, each resolution and its result, election results (officers)")
    public Response minutesPdf(@PathParam("id") long id) {
        Society society = societies.forCaller(slug, Societies.OFFICERS);
        Meeting m = meetings.byId(society, id);
        return Response.ok(minutes.pdf(society, m), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"minutes-" + m.id() + ".pdf\"").build();
    }

    // ---- the member's own ----

    @GET
    @Path("mine")
    @Operation(summary = "The meetings a member may see: noticed, open and closed (member)")
    public List<MeetingSummary> mine() {
        Society society = societies.forCaller(slug, Role.values());
        return meetings.of(society).stream().filter(MeetingsResource::visibleToMembers).map(MeetingSummary::of).toList();
    }

    @GET
    @Path("{id}/ballot")
    @Operation(summary = "A member's ballot: the agenda with their counted vote, their proxy, and results once declared")
    public Ballot ballot(@PathParam("id") long id) {
        Society society = societies.forCaller(slug, Role.values());
        Member me = me(society);
        return ballot(society, visibleMeeting(society, id), me);
    }

    @PUT
    @Path("{id}/resolutions/{resolution}/my-vote")
    @Transactional
    @Operation(summary = "Vote online on a resolution; a member may change it until the poll closes (the last one counts)")
    public BallotItem vote(@PathParam("id") long id, @PathParam("resolution") long rid, MyVote in) {
        Society society = societies.forCaller(slug, Role.values());
        Member me = me(society);
        visibleMeeting(society, id);
        var cast = votes.cast(society, id, rid, me.id(), Channel.ONLINE, choice(VoteChoice.class, in == null ? null : in.choice(),
                "choice"), caller.requireAccount().email(), in == null ? null : in.changeCode());
        var r = meetings.resolution(society, id, rid);
        if (r.secret()) {
            return new BallotItem(ResolutionJson.of(r, null), null, Channel.ONLINE.name(), cast.receipt(), cast.changeCode(), List.of());
        }
        var v = votes.voteOf(r, me.id()).orElseThrow();
        return new BallotItem(ResolutionJson.of(r, null), v.choice().name(), v.channel().name(), null, null, List.of());
    }

    @PUT
    @Path("{id}/my-proxy")
    @Transactional
    @Operation(summary = "Appoint (or replace) my proxy: holderMemberNumber absent = the chair; directions by resolution id")
    public ProxyJson myProxy(@PathParam("id") long id, ProxyInput in) {
        Society society = societies.forCaller(slug, Role.values());
        Member me = me(society);
        visibleMeeting(society, id);
        return appoint(society, id, me.id(), in == null ? new ProxyInput(null, null, Map.of(), Map.of()) : in);
    }

    @DELETE
    @Path("{id}/my-proxy")
    @Transactional
    @Operation(summary = "Revoke my proxy, before the deadline")
    public Response revokeMine(@PathParam("id") long id) {
        Society society = societies.forCaller(slug, Role.values());
        Member me = me(society);
        visibleMeeting(society, id);
        votes.revoke(society, id, me.id());
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/my-attendance")
    @Transactional
    @Operation(summary = "Check myself in as attending online")
    public Response checkInMyself(@PathParam("id") long id) {
        Society society = societies.forCaller(slug, Role.values());
        Member me = me(society);
        visibleMeeting(society, id);
        var a = votes.checkIn(society, id, me.id(), AttendanceMode.ONLINE, caller.requireAccount().id());
        return Response.status(201).entity(AttendanceJson.of(a, meetings.memberNames(society, List.of(me.id())).get(me.id()))).build();
    }

    // ---- shared with the pages ----

    /** Members see a meeting once notice of it has been given: the one rule, shared with the notice page. */
    static boolean visibleToMembers(Meeting m) {
        return coop.cooperage.meetings.control.Notice.readableByMembers(m);
    }

    private Meeting visibleMeeting(Society society, long id) {
        Meeting m = meetings.byId(society, id);
        if (!visibleToMembers(m) && !isOfficer(society)) {
            throw new NoSuchResourceException("No such meeting");
        }
        return m;
    }

    private void requireOfficerOrNoticed(Society society, Meeting m) {
        if (!visibleToMembers(m) && !isOfficer(society)) {
            throw new NoSuchResourceException("No such document");
        }
    }

    private boolean isOfficer(Society society) {
        return caller.isPlatformAdmin() || caller.rolesIn(society.id()).stream().anyMatch(Role::isOfficer);
    }

    private Member me(Society society) {
        return personalData.memberFor(society, caller.requireAccount())
                .orElseThrow(() -> new NoSuchResourceException("You are not a member of this society"));
    }

    Ballot ballot(Society society, Meeting m, Member me) {
        String why = meetings.ineligibility(m, me.id());
        var agenda = meetings.resolutions(m);
        var results = votes.resultsOf(society, agenda);
        var own = votes.votesOf(agenda, me.id());
        var items = agenda.stream().map(r -> {
            if (r.secret()) {
                return new BallotItem(ResolutionJson.of(r, results.get(r.id())), null,
                        votes.secretVoteOf(r, me.id()).map(Enum::name).orElse(null), null, null, votes.receipts(r));
            }
            var mine = java.util.Optional.ofNullable(own.get(r.id()));
            return new BallotItem(ResolutionJson.of(r, results.get(r.id())), mine.map(v -> v.choice().name()).orElse(null),
                    mine.map(v -> v.channel().name()).orElse(null), null, null, List.of());
        }).toList();
        var proxy = votes.proxyOf(m, me.id()).map(a -> proxyJson(a, meetings.memberNames(society,
                a.holderMemberId() == null ? List.of(a.memberId()) : List.of(a.memberId(), a.holderMemberId())))).orElse(null);
        boolean checkedIn = votes.attendance(m).stream().anyMatch(a -> a.memberId() == me.id());
        var deadline = m.startsAt().atZone(coop.cooperage.platform.control.Clocks.UK)
                .minusHours(society.rules().proxyDeadlineHours()).toLocalDateTime();
        return new Ballot(MeetingSummary.of(m), why == null, why, m.pollOpenAt(meetings.now()), items, proxy, checkedIn, deadline);
    }

    MeetingDetail detail(Society society, Meeting m) {
        var agenda = meetings.resolutions(m);
        var results = votes.resultsOf(society, agenda);
        var resolutions = agenda.stream().map(r -> ResolutionJson.of(r, results.get(r.id()))).toList();
        return new MeetingDetail(MeetingSummary.of(m), NoticeJson.of(meetings.noticeCheck(society, m)), meetings.rollSize(m),
                QuorumJson.of(votes.quorum(society, m)), resolutions,
                meetings.documents(m).stream().map(DocumentJson::of).toList());
    }

    private ProxyJson appoint(Society society, long meetingId, long memberId, ProxyInput in) {
        Long holder = in.holderMemberNumber() == null ? null : meetings.memberId(society, in.holderMemberNumber(), "holderMemberNumber");
        var directions = new LinkedHashMap<Long, VoteChoice>();
        if (in.directions() != null) {
            in.directions().forEach((rid, c) -> {
                if (c != null && !c.isBlank() && !"DISCRETION".equalsIgnoreCase(c)) {
                    directions.put(rid, choice(VoteChoice.class, c, "directions"));
                }
            });
        }
        var marks = new LinkedHashMap<Long, coop.cooperage.meetings.control.SecretProxies.Marks>();
        if (in.electionDirections() != null) {
            in.electionDirections().forEach((eid, d) -> {
                if (d != null) {
                    marks.put(eid, new coop.cooperage.meetings.control.SecretProxies.Marks(d.choices(), ElectionsResource.ranks(d.ranks())));
                }
            });
        }
        var a = votes.appoint(society, meetingId, memberId, holder, directions, marks);
        var ids = holder == null ? List.of(memberId) : List.of(memberId, holder);
        return proxyJson(a, meetings.memberNames(society, ids));
    }

    static ProxyJson proxyJson(MeetingVotes.Appointment a, Map<Long, Object[]> names) {
        Object[] member = names.get(a.memberId());
        Object[] holder = a.holderMemberId() == null ? null : names.get(a.holderMemberId());
        var dirs = new LinkedHashMap<Long, String>();
        a.directions().forEach((k, v) -> dirs.put(k, v.name()));
        return new ProxyJson(member == null ? null : (Long) member[0],
                a.holderMemberId() == null ? "the chair" : holder == null ? null : (String) holder[1],
                holder == null ? null : (Long) holder[0], a.lodgedAt(), dirs, new java.util.TreeMap<>(a.electionDirections()), a.proxyCode());
    }

    static GeneralMeetings.Details details(MeetingInput in) {
        if (in == null) {
            throw new InvalidInputException("title", "Send the meeting's details");
        }
        return new GeneralMeetings.Details(in.kind() == null ? null : choice(MeetingKind.class, in.kind(), "kind"), in.title(),
                in.startsAt(), in.endsAt(), in.place(), in.onlineLink(), in.agenda(), in.recordDate(), in.pollClosesAt(),
                in.noticeSentOn());
    }

    static GeneralMeetings.ResolutionInput resolutionInput(ResolutionInput in) {
        if (in == null) {
            throw new InvalidInputException("title", "Send the resolution");
        }
        return new GeneralMeetings.ResolutionInput(in.title(), in.text(), in.proposer(),
                in.kind() == null ? null : choice(ResolutionKind.class, in.kind(), "kind"), Boolean.TRUE.equals(in.secret()),
                in.confirmsResolutionId());
    }

    static Tally tally(Hands hands) {
        var errors = new coop.cooperage.platform.control.FieldErrors();
        errors.check(hands != null && hands.votesFor() != null && hands.votesFor() >= 0, "votesFor", "Enter the hands for, 0 or more");
        errors.check(hands != null && hands.against() != null && hands.against() >= 0, "against", "Enter the hands against, 0 or more");
        errors.check(hands != null && (hands.abstain() == null || hands.abstain() >= 0), "abstain", "Enter the abstentions, 0 or more");
        errors.throwIfAny();
        return new Tally(hands.votesFor(), hands.against(), hands.abstain() == null ? 0 : hands.abstain());
    }

    static <E extends Enum<E>> E choice(Class<E> type, String text, String field) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, "Choose " + field + " from " + java.util.Arrays.toString(type.getEnumConstants()));
        }
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "Choose " + field + " from " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
