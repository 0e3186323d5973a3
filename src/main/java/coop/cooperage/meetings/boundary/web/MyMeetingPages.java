package coop.cooperage.meetings.boundary.web;

import coop.cooperage.identity.control.Caller;
import coop.cooperage.identity.entity.Role;
import coop.cooperage.meetings.control.CountMethod;
import coop.cooperage.meetings.control.Elections;
import coop.cooperage.meetings.control.GeneralMeetings;
import coop.cooperage.meetings.control.MeetingVotes;
import coop.cooperage.meetings.control.SecretProxies;
import coop.cooperage.meetings.entity.AttendanceMode;
import coop.cooperage.meetings.entity.Channel;
import coop.cooperage.meetings.entity.CountedVote;
import coop.cooperage.meetings.entity.Meeting;
import coop.cooperage.meetings.entity.MeetingState;
import coop.cooperage.meetings.entity.Resolution;
import coop.cooperage.meetings.entity.VoteChoice;
import coop.cooperage.members.control.PersonalData;
import coop.cooperage.members.entity.Member;
import coop.cooperage.platform.boundary.web.Flash;
import coop.cooperage.platform.boundary.web.FormInput;
import coop.cooperage.platform.boundary.web.Page;
import coop.cooperage.platform.control.Clocks;
import coop.cooperage.platform.control.InvalidInputException;
import coop.cooperage.platform.control.NoSuchResourceException;
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
import coop.cooperage.meetings.entity.Candidate;
import coop.cooperage.meetings.entity.Election;
import coop.cooperage.meetings.entity.ElectionState;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The member's side of general meetings: the meetings they may vote in, their online vote on
 * each resolution (changeable until the poll closes), their proxy with directions, checking in
 * when attending online, and the results once declared.
 */
@Path("s/{society}/my-meetings")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class MyMeetingPages {

    @Inject
    Societies societies;

    @Inject
    GeneralMeetings meetings;

    @Inject
    MeetingVotes votes;

    @Inject
    SecretProxies secretProxies;

    @Inject
    Elections elections;

    @Inject
    PersonalData personalData;

    @Inject
    Transactions tx;

    @Inject
    Caller caller;

    @Context
    HttpServletRequest request;

    @PathParam("society")
    String slug;

    @GET
    public Page list() {
        Society society = societies.forCaller(slug, Role.values());
        return Page.of("meetings/my-list").with("title", "Meetings and votes").with("society", society)
                .with("meetings", meetings.of(society).stream().filter(MyMeetingPages::visible).toList());
    }

    @GET
    @Path("{id}")
    public Page meeting(@PathParam("id") long id) {
        Society society = societies.forCaller(slug, Role.values());
        return ballotPage(society, visibleMeeting(society, id), me(society), Map.of(), Map.of());
    }

    @POST
    @Path("{id}/resolutions/{rid}/vote")
    public Response vote(@PathParam("id") long id, @PathParam("rid") long rid, MultivaluedMap<String, String> form) {
        var in = new FormInput(form);
        String[] secretCodes = new String[2];
        var response = act(id, in, "Your vote has been recorded. You can change it until the poll closes.", (society, me) -> {
            VoteChoice choice = in.choice("choice", VoteChoice.class, "Choose for, against or abstain");
            in.errors().throwIfAny();
            var cast = votes.cast(society, id, rid, me.id(), Channel.ONLINE, choice, caller.requireAccount().email(),
                    in.text("changeCode"));
            secretCodes[0] = cast.receipt();
            secretCodes[1] = cast.changeCode();
            return cast;
        });
        if (response.getStatus() == 303 && secretCodes[0] != null) {
            // shown once and kept nowhere: the flash message is the only copy outside the voter's hands
            request.getSession().setAttribute("coop.flash", "Your secret ballot is in the box. Your receipt is " + secretCodes[0]
                    + " (it is published with the result, so you can see your ballot was counted). To change your vote before the"
                    + " poll closes you will need this change code: " + secretCodes[1] + ". Write both down now: they cannot be"
                    + " shown again.");
        }
        return response;
    }

    @POST
    @Path("{id}/proxy")
    public Response appoint(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        var in = new FormInput(form);
        String[] code = new String[1];
        var response = act(id, in, "Your proxy has been appointed", (society, me) -> {
            String holderText = in.text("holder");
            Long holder = null;
            if (holderText != null && !holderText.isEmpty()) {
                try {
                    holder = meetings.memberId(society, Long.parseLong(holderText), "holder");
                } catch (NumberFormatException e) {
                    throw new InvalidInputException("holder", "Enter the member number of your proxy, or leave it blank for the chair");
                }
            }
            var directions = new LinkedHashMap<Long, VoteChoice>();
            for (Resolution r : meetings.resolutions(meetings.byId(society, id))) {
                String d = in.text("direction-" + r.id());
                if (d != null && !d.isEmpty() && !"DISCRETION".equals(d)) {
                    directions.put(r.id(), in.choice("direction-" + r.id(), VoteChoice.class, "Choose a direction"));
                }
            }
            var marks = new LinkedHashMap<Long, SecretProxies.Marks>();
            for (Election e : directable(meetings.byId(society, id))) {
                marks.put(e.id(), marks(e, form));
            }
            in.errors().throwIfAny();
            var appointment = votes.appoint(society, id, me.id(), holder, directions, marks);
            code[0] = appointment.proxyCode();
            return appointment;
        });
        if (response.getStatus() == 303 && code[0] != null) {
            // shown once and kept nowhere, like a change code
            request.getSession().setAttribute("coop.flash", "Your proxy has been appointed. Your proxy code is " + code[0]
                    + ". Your proxy casts your ballot in the secret ballots of this meeting; with this code you can find its"
                    + " receipt, or vote yourself instead and replace their ballot. Write it down now: it cannot be shown again.");
        }
        return response;
    }

    /** The elections of the meeting a proxy can still be directed in (their proxy keys are issued at appointment). */
    private List<Election> directable(Meeting m) {
        return elections.ofMeeting(m).stream()
                .filter(e -> e.state() == ElectionState.NOMINATING || e.state() == ElectionState.OPEN).toList();
    }

    /**
     * The direction in one election, as its ballot paper is marked: edirection-{election} checkboxes (plurality) or
     * erank-{election}-{candidate} numbers (STV); nothing marked is the proxy's discretion.
     */
    private SecretProxies.Marks marks(Election e, MultivaluedMap<String, String> form) {
        if (e.method() == CountMethod.PLURALITY) {
            var choices = new java.util.ArrayList<Long>();
            for (String v : form.getOrDefault("edirection-" + e.id(), List.of())) {
                try {
                    choices.add(Long.parseLong(v.trim()));
                } catch (NumberFormatException ex) {
                    throw new InvalidInputException("electionDirections." + e.id(), "Your direction in the election \u201c"
                            + e.title() + "\u201d: that is not a candidate in this election");
                }
            }
            return new SecretProxies.Marks(choices, null);
        }
        var ranks = new HashMap<Long, Integer>();
        for (Candidate c : elections.candidates(e)) {
            String v = form.getFirst("erank-" + e.id() + "-" + c.id());
            if (v != null && !v.isBlank()) {
                try {
                    ranks.put(c.id(), Integer.parseInt(v.trim()));
                } catch (NumberFormatException ex) {
                    throw new InvalidInputException("electionDirections." + e.id(), "Your direction in the election \u201c" + e.title()
                            + "\u201d: number your choices with whole numbers: 1, 2, 3 and so on");
                }
            }
        }
        return new SecretProxies.Marks(null, ranks);
    }

    @POST
    @Path("{id}/held-proxies/{number}/resolutions/{rid}")
    public Response castHeld(@PathParam("id") long id, @PathParam("number") long number, @PathParam("rid") long rid,
            MultivaluedMap<String, String> form) {
        var in = new FormInput(form);
        String[] receipt = new String[1];
        var response = act(id, in, "The ballot is in the box", (society, me) -> {
            String c = in.text("choice");
            VoteChoice choice = c == null || c.isEmpty() ? null : in.choice("choice", VoteChoice.class, "Choose for, against or abstain");
            in.errors().throwIfAny();
            receipt[0] = secretProxies.castResolution(society, id, rid, me.id(), meetings.memberId(society, number, "memberNumber"),
                    choice);
            return receipt[0];
        });
        if (response.getStatus() == 303) {
            request.getSession().setAttribute("coop.flash", "The ballot of member " + number + " is in the box. Its receipt is "
                    + receipt[0] + ": the member can find it with their proxy code, and it is published with the result.");
        }
        return response;
    }

    @POST
    @Path("{id}/proxy-receipts")
    public Response proxyReceipts(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        Society society = societies.forCaller(slug, Role.values());
        Member me = me(society);
        Meeting m = visibleMeeting(society, id);
        var in = new FormInput(form);
        try {
            var found = tx.call(() -> secretProxies.receipts(m, in.text("proxyCode")));
            return Response.ok(ballotPage(society, m, me, Map.of(), Map.of()).with("proxyReceipts", found))
                    .header("Cache-Control", "no-store").build();
        } catch (InvalidInputException e) {
            return Response.status(400).entity(ballotPage(society, m, me, in.values(), e.byField())).build();
        }
    }

    @POST
    @Path("{id}/proxy/revocation")
    public Response revoke(@PathParam("id") long id) {
        return act(id, null, "Your proxy has been revoked", (society, me) -> {
            votes.revoke(society, id, me.id());
            return Boolean.TRUE;
        });
    }

    @POST
    @Path("{id}/attendance")
    public Response checkIn(@PathParam("id") long id) {
        return act(id, null, "You are checked in as attending online", (society, me) ->
                votes.checkIn(society, id, me.id(), AttendanceMode.ONLINE, caller.requireAccount().id()));
    }

    private interface Work {
        Object run(Society society, Member me);
    }

    private Response act(long id, FormInput in, String done, Work work) {
        Society society = societies.forCaller(slug, Role.values());
        Member me = me(society);
        Meeting m = visibleMeeting(society, id);
        try {
            Supplier<Object> call = () -> work.run(society, me);
            tx.call(call);
            return Flash.redirect(request, "/s/" + society.slug() + "/my-meetings/" + id, done);
        } catch (InvalidInputException e) {
            var errors = new LinkedHashMap<String, String>(in == null ? Map.of() : in.errors().byField());
            e.byField().forEach(errors::putIfAbsent);
            return Response.status(400).entity(ballotPage(society, m, me, in == null ? Map.of() : in.values(), errors)).build();
        }
    }

    private Page ballotPage(Society society, Meeting m, Member me, Map<String, String> values, Map<String, String> errors) {
        var resolutions = meetings.resolutions(m);
        // the member's open votes and the results for the whole agenda at once; the ballot box is asked per secret ballot
        Map<Long, CountedVote> mine = votes.votesOf(resolutions, me.id());
        var results = new HashMap<Long, String>();
        votes.resultsOf(society, resolutions).forEach((id, result) -> results.put(id, result.declaration()));
        var secretVoted = new HashMap<Long, String>();
        var receipts = new HashMap<Long, java.util.List<String>>();
        for (Resolution r : resolutions) {
            if (r.secret()) {
                votes.secretVoteOf(r, me.id()).ifPresent(c -> secretVoted.put(r.id(), c.name()));
                receipts.put(r.id(), votes.receipts(r));
            }
        }
        var proxy = votes.proxyOf(m, me.id()).orElse(null);
        var names = proxy == null || proxy.holderMemberId() == null ? Map.<Long, Object[]>of()
                : meetings.memberNames(society, java.util.List.of(proxy.holderMemberId()));
        var deadline = m.startsAt().atZone(Clocks.UK).minusHours(society.rules().proxyDeadlineHours()).toLocalDateTime();
        return Page.of("meetings/ballot").with("title", m.title()).with("society", society).with("meeting", m).with("member", me)
                .with("ineligible", meetings.ineligibility(m, me.id())).with("pollOpen", m.pollOpenAt(meetings.now()))
                .with("resolutions", resolutions).with("mine", mine).with("secretVoted", secretVoted).with("receipts", receipts).with("results", results).with("proxy", proxy)
                .with("holderName", proxy == null || proxy.holderMemberId() == null ? null : names.get(proxy.holderMemberId()))
                .with("proxiesAllowed", society.rules().proxiesAllowed()).with("deadline", deadline)
                .with("proxyOpen", meetings.now().isBefore(deadline) || meetings.now().isEqual(deadline))
                .with("checkedIn", votes.attendance(m).stream().anyMatch(a -> a.memberId() == me.id()))
                .with("canCheckIn", m.state() == MeetingState.OPEN && m.onlineLink() != null)
                .with("documents", meetings.documents(m)).with("form", values).with("errors", errors)
                .with("elections", directable(m)).with("candidates", candidatesOf(directable(m)))
                .with("held", secretProxies.held(society, m, me.id()));
    }

    private Map<Long, List<Candidate>> candidatesOf(List<Election> list) {
        var out = new HashMap<Long, List<Candidate>>();
        list.forEach(e -> out.put(e.id(), elections.candidates(e)));
        return out;
    }

    /** Members see a meeting once notice of it has been given: the one rule, shared with the notice page. */
    static boolean visible(Meeting m) {
        return coop.cooperage.meetings.control.Notice.readableByMembers(m);
    }

    private Meeting visibleMeeting(Society society, long id) {
        Meeting m = meetings.byId(society, id);
        if (!visible(m)) {
            throw new NoSuchResourceException("No such meeting");
        }
        return m;
    }

    private Member me(Society society) {
        return personalData.memberFor(society, caller.requireAccount())
                .orElseThrow(() -> new NoSuchResourceException("You are not a member of this society"));
    }
}
