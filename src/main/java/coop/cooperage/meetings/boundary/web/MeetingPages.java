package coop.cooperage.meetings.boundary.web;

import coop.cooperage.identity.control.Caller;
import coop.cooperage.identity.entity.Role;
import coop.cooperage.meetings.control.GeneralMeetings;
import coop.cooperage.meetings.control.MeetingVotes;
import coop.cooperage.meetings.entity.AttendanceMode;
import coop.cooperage.meetings.entity.Channel;
import coop.cooperage.meetings.entity.Meeting;
import coop.cooperage.meetings.entity.MeetingKind;
import coop.cooperage.meetings.entity.Resolution;
import coop.cooperage.meetings.entity.ResolutionKind;
import coop.cooperage.meetings.entity.Tally;
import coop.cooperage.meetings.entity.VoteChoice;
import coop.cooperage.platform.boundary.web.Flash;
import coop.cooperage.platform.boundary.web.FormInput;
import coop.cooperage.platform.boundary.web.MultipartForm;
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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The secretary's meeting pages: create and change a meeting, its papers and resolutions; on
 * the day, open it, take attendance with a live quorum panel, take votes, close the poll and
 * declare results. Officers may read them.
 */
@Path("s/{society}/meetings")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class MeetingPages {

    /** How often the attendance page reloads itself, so the quorum panel is live without JavaScript. */
    static final int REFRESH_SECONDS = 15;

    @Inject
    Societies societies;

    @Inject
    GeneralMeetings meetings;

    @Inject
    MeetingVotes votes;

    @Inject
    coop.cooperage.meetings.control.SecretProxies secretProxies;

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
        Society society = societies.forCaller(slug, Societies.OFFICERS);
        return Page.of("meetings/list").with("title", "General meetings").with("society", society)
                .with("meetings", meetings.of(society)).with("editable", isSecretary(society));
    }

    @GET
    @Path("new")
    public Page newForm() {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        return form(society, null, Map.of("kind", "AGM", "startsTime", "19:00"), Map.of());
    }

    @POST
    public Response create(MultivaluedMap<String, String> form) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        var in = new FormInput(form);
        try {
            var details = details(in);
            Meeting m = tx.call(() -> meetings.create(society, details));
            return Flash.redirect(request, base(society) + "/" + m.id(), "The meeting has been created");
        } catch (InvalidInputException e) {
            return Response.status(400).entity(form(society, null, in.values(), merged(in, e))).build();
        }
    }

    @GET
    @Path("{id}/edit")
    public Page editForm(@PathParam("id") long id) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        Meeting m = meetings.byId(society, id);
        var values = new HashMap<String, String>();
        values.put("kind", m.kind().name());
        values.put("title", m.title());
        dateValues(values, "startsOn", m.startsAt().toLocalDate());
        values.put("startsTime", m.startsAt().toLocalTime().toString());
        if (m.endsAt() != null) {
            values.put("endsTime", m.endsAt().toLocalTime().toString());
        }
        values.put("place", m.place());
        values.put("onlineLink", m.onlineLink());
        values.put("agenda", m.agenda());
        dateValues(values, "recordDate", m.recordDate());
        return form(society, m, values, Map.of());
    }

    @POST
    @Path("{id}/edit")
    public Response edit(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        var in = new FormInput(form);
        try {
            var details = details(in);
            tx.run(() -> meetings.revise(society, id, details));
            return Flash.redirect(request, base(society) + "/" + id, "The meeting has been changed");
        } catch (InvalidInputException e) {
            return Response.status(400).entity(form(society, meetings.byId(society, id), in.values(), merged(in, e))).build();
        }
    }

    @GET
    @Path("{id}")
    public Page meeting(@PathParam("id") long id) {
        Society society = societies.forCaller(slug, Societies.OFFICERS);
        return meetingPage(society, meetings.byId(society, id), Map.of(), Map.of());
    }

    @POST
    @Path("{id}/notice")
    public Response notice(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        var in = new FormInput(form);
        return act(id, in, "Notice has been recorded", () -> {
            LocalDate on = in.date("noticeSentOn", "Enter the date notice was sent as a real date");
            in.errors().throwIfAny();
            return meetings.recordNotice(society(Role.SECRETARY), id, on);
        });
    }

    @POST
    @Path("{id}/opening")
    public Response open(@PathParam("id") long id) {
        return act(id, null, "The meeting is open", () -> meetings.transition(society(Role.SECRETARY), id, "open"));
    }

    @POST
    @Path("{id}/poll-closure")
    public Response closePoll(@PathParam("id") long id) {
        return act(id, null, "The poll is closed: no more votes are taken", () -> meetings.transition(society(Role.SECRETARY), id,
                "close-poll"));
    }

    @POST
    @Path("{id}/closure")
    public Response close(@PathParam("id") long id) {
        return act(id, null, "The meeting is closed", () -> meetings.transition(society(Role.SECRETARY), id, "close"));
    }

    @POST
    @Path("{id}/cancellation")
    public Response cancel(@PathParam("id") long id) {
        return act(id, null, "The meeting has been cancelled", () -> meetings.transition(society(Role.SECRETARY), id, "cancel"));
    }

    @POST
    @Path("{id}/documents")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@PathParam("id") long id, byte[] body, @HeaderParam("Content-Type") String contentType) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        try {
            var form = MultipartForm.parse(contentType, body);
            var file = form.part("file");
            String title = form.text("title");
            tx.call(() -> meetings.addDocument(society, id, title, file == null ? null : file.fileName(),
                    guessType(file == null ? null : file.fileName()), file == null ? null : file.content()));
            return Flash.redirect(request, base(society) + "/" + id, "The document has been added");
        } catch (InvalidInputException e) {
            return Response.status(400).entity(meetingPage(society, meetings.byId(society, id), Map.of(), e.byField())).build();
        } catch (IllegalArgumentException e) {
            return Response.status(400).entity(meetingPage(society, meetings.byId(society, id), Map.of(),
                    Map.of("file", "Choose a file to upload"))).build();
        }
    }

    @POST
    @Path("{id}/resolutions")
    public Response addResolution(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        var in = new FormInput(form);
        return act(id, in, "The resolution has been added", () -> meetings.addResolution(society(Role.SECRETARY), id, resolution(in)));
    }

    @POST
    @Path("{id}/resolutions/{rid}/withdrawal")
    public Response withdraw(@PathParam("id") long id, @PathParam("rid") long rid) {
        return act(id, null, "The resolution has been withdrawn", () -> meetings.withdraw(society(Role.SECRETARY), id, rid));
    }

    @POST
    @Path("{id}/resolutions/{rid}/show-of-hands")
    public Response showOfHands(@PathParam("id") long id, @PathParam("rid") long rid, MultivaluedMap<String, String> form) {
        var in = new FormInput(form);
        return act(id, in, "The result on a show of hands has been declared", () -> {
            Long f = in.whole("votesFor", "Enter the number of hands for");
            Long a = in.whole("against", "Enter the number of hands against");
            String abstainText = in.text("abstain");
            Long ab = abstainText == null || abstainText.isEmpty() ? Long.valueOf(0) : in.whole("abstain", "Enter the abstentions as a number");
            in.errors().check(f == null || f >= 0, "votesFor", "Enter 0 or more").check(a == null || a >= 0, "against", "Enter 0 or more")
                    .check(ab == null || ab >= 0, "abstain", "Enter 0 or more").throwIfAny();
            return votes.showOfHands(society(Role.SECRETARY), id, rid, new Tally(f, a, ab));
        });
    }

    @POST
    @Path("{id}/resolutions/{rid}/poll-demand")
    public Response demandPoll(@PathParam("id") long id, @PathParam("rid") long rid) {
        return act(id, null, "A poll has been demanded", () -> votes.demandPoll(society(Role.SECRETARY), id, rid));
    }

    @POST
    @Path("{id}/resolutions/{rid}/declaration")
    public Response declare(@PathParam("id") long id, @PathParam("rid") long rid) {
        return act(id, null, "The result has been declared", () -> votes.declare(society(Role.SECRETARY), id, rid));
    }

    @POST
    @Path("{id}/resolutions/{rid}/votes")
    public Response enterVote(@PathParam("id") long id, @PathParam("rid") long rid, MultivaluedMap<String, String> form) {
        var in = new FormInput(form);
        return act(id, in, "The vote has been recorded", () -> {
            Society society = society(Role.SECRETARY);
            Long number = in.whole("memberNumber", "Enter the member number");
            Channel channel = in.choice("channel", Channel.class, "Choose how the vote was cast");
            VoteChoice choice = in.choice("choice", VoteChoice.class, "Choose for, against or abstain");
            in.errors().check(channel != Channel.ONLINE && channel != Channel.PROXY, "channel",
                    "The secretary enters paper ballots at the meeting and postal votes").throwIfAny();
            return votes.cast(society, id, rid, meetings.memberId(society, number, "memberNumber"), channel, choice,
                    caller.requireAccount().email());
        });
    }

    @POST
    @Path("{id}/resolutions/{rid}/proxy-discretion")
    public Response discretion(@PathParam("id") long id, @PathParam("rid") long rid, MultivaluedMap<String, String> form) {
        var in = new FormInput(form);
        return act(id, in, "The chair's vote of undirected proxies has been recorded", () -> {
            VoteChoice choice = in.choice("choice", VoteChoice.class, "Choose for, against or abstain");
            in.errors().throwIfAny();
            votes.discretion(society(Role.SECRETARY), id, rid, null, choice);
            return Boolean.TRUE;
        });
    }

    @POST
    @Path("{id}/chair-proxies/{number}/resolutions/{rid}")
    public Response castChairProxy(@PathParam("id") long id, @PathParam("number") long number, @PathParam("rid") long rid,
            MultivaluedMap<String, String> form) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        var in = new FormInput(form);
        try {
            String c = in.text("choice");
            VoteChoice choice = c == null || c.isEmpty() ? null : in.choice("choice", VoteChoice.class, "Choose for, against or abstain");
            in.errors().throwIfAny();
            String receipt = tx.call(() -> secretProxies.castResolution(society, id, rid, null,
                    meetings.memberId(society, number, "memberNumber"), choice));
            return Flash.redirect(request, base(society) + "/" + id + "/attendance", "The chair's proxy ballot for member " + number
                    + " is in the box. Its receipt is " + receipt + ": the member can find it with their proxy code.");
        } catch (InvalidInputException e) {
            return Response.status(e instanceof coop.cooperage.platform.control.ConflictException ? 409 : 400)
                    .entity(attendancePage(society, meetings.byId(society, id), in.values(), e.byField())).build();
        }
    }

    // ---- attendance and quorum ----

    @GET
    @Path("{id}/attendance")
    public Page attendance(@PathParam("id") long id) {
        Society society = societies.forCaller(slug, Societies.OFFICERS);
        return attendancePage(society, meetings.byId(society, id), Map.of(), Map.of());
    }

    @POST
    @Path("{id}/attendance")
    public Response checkIn(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        var in = new FormInput(form);
        try {
            Long number = in.whole("memberNumber", "Enter the member number");
            in.errors().throwIfAny();
            AttendanceMode mode = "ONLINE".equals(in.text("mode")) ? AttendanceMode.ONLINE : AttendanceMode.IN_PERSON;
            tx.call(() -> votes.checkIn(society, id, meetings.memberId(society, number, "memberNumber"), mode,
                    caller.requireAccount().id()));
            return Flash.redirect(request, base(society) + "/" + id + "/attendance", "Member " + number + " is checked in");
        } catch (InvalidInputException e) {
            return Response.status(400).entity(attendancePage(society, meetings.byId(society, id), in.values(), e.byField())).build();
        }
    }

    @POST
    @Path("{id}/proxies")
    public Response lodgeProxy(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        var in = new FormInput(form);
        try {
            Long number = in.whole("proxyMember", "Enter the number of the member appointing a proxy");
            String holderText = in.text("holder");
            in.errors().throwIfAny();
            var appointment = tx.call(() -> {
                Long holder = holderText == null || holderText.isEmpty() ? null
                        : meetings.memberId(society, parse(holderText, "holder"), "holder");
                return votes.appoint(society, id, meetings.memberId(society, number, "proxyMember"), holder, Map.of());
            });
            // the proxy code is shown once, here, for the member's acknowledgement: nothing keeps it
            return Flash.redirect(request, base(society) + "/" + id + "/attendance", appointment.proxyCode() == null
                    ? "The proxy has been lodged"
                    : "The proxy has been lodged. Send member " + number + " their proxy code, " + appointment.proxyCode()
                            + ": with it they can find the receipts of the secret ballots cast for them, or vote themselves"
                            + " instead. It is not kept and cannot be shown again.");
        } catch (InvalidInputException e) {
            return Response.status(400).entity(attendancePage(society, meetings.byId(society, id), in.values(), e.byField())).build();
        }
    }

    // ---- views ----

    private Page form(Society society, Meeting m, Map<String, String> values, Map<String, String> errors) {
        var clear = society.rules().meetingNoticeClearDays();
        return Page.of("meetings/form").with("title", m == null ? "Create a general meeting" : "Change the meeting")
                .with("society", society).with("meeting", m).with("form", values).with("errors", errors)
                .with("clearDays", clear)
                .with("earliest", coop.cooperage.meetings.control.Notice.earliestMeeting(meetings.today(), clear))
                .with("kinds", List.of(new Option("AGM", "Annual general meeting"), new Option("GENERAL", "General meeting")));
    }

    Page meetingPage(Society society, Meeting m, Map<String, String> values, Map<String, String> errors) {
        // a few queries for the whole agenda, not a few per resolution
        var resolutions = meetings.resolutions(m);
        var results = new HashMap<Long, String>();
        votes.resultsOf(society, resolutions).forEach((id, result) -> results.put(id, result.declaration()));
        var changeable = new java.util.HashSet<Long>();
        resolutions.stream().filter(r -> GeneralMeetings.fixedBecause(m, r) == null).forEach(r -> changeable.add(r.id()));
        return Page.of("meetings/meeting").with("title", m.title()).with("society", society).with("meeting", m)
                .with("notice", meetings.noticeCheck(society, m)).with("entitled", meetings.rollSize(m))
                .with("quorum", votes.quorum(society, m)).with("resolutions", resolutions).with("results", results)
                .with("tallies", votes.talliesOf(resolutions)).with("voters", votes.secretVoterCounts(resolutions))
                .with("changeable", changeable)
                .with("documents", meetings.documents(m)).with("editable", isSecretary(society))
                .with("pollOpen", m.pollOpenAt(meetings.now())).with("earlier", earlier(society, m))
                .with("resolutionKinds", resolutionKinds(society)).with("form", values).with("errors", errors);
    }

    /** The s.111 resolutions carried at other meetings, which a confirmation may confirm. */
    private List<Option> earlier(Society society, Meeting m) {
        return meetings.carriedS111Elsewhere(society, m).stream()
                .map(c -> new Option(String.valueOf(c.resolution().id()), c.meetingTitle() + ": " + c.resolution().title())).toList();
    }

    private static List<Option> resolutionKinds(Society society) {
        return List.of(new Option("ORDINARY", "Ordinary: more votes for than against"),
                new Option("SPECIAL", "Special (rule change): " + society.rules().ruleChangeMajority().label()),
                new Option("S111_FIRST_MEETING", "s.111 amalgamation or transfer, first meeting: two thirds"),
                new Option("S111_CONFIRMATION", "s.111 confirmation at a second meeting: a majority"),
                new Option("S113", "s.113 conversion: 75% with at least half of members taking part"));
    }

    // ---- changing a resolution (before notice, as the API's PUT) ----

    @GET
    @Path("{id}/resolutions/{rid}/edit")
    public Response editResolutionForm(@PathParam("id") long id, @PathParam("rid") long rid) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        Meeting m = meetings.byId(society, id);
        Resolution r = meetings.resolution(society, id, rid);
        String fixed = GeneralMeetings.fixedBecause(m, r);
        if (fixed != null) {
            return cannotChange(society, m, fixed);
        }
        var values = new HashMap<String, String>();
        values.put("title", r.title());
        values.put("text", r.text());
        values.put("proposer", r.proposer());
        values.put("kind", r.kind().name());
        values.put("secret", String.valueOf(r.secret()));
        if (r.confirmsResolutionId() != null) {
            values.put("confirmsResolutionId", String.valueOf(r.confirmsResolutionId()));
        }
        return Response.ok(resolutionForm(society, m, r, values, Map.of())).build();
    }

    @POST
    @Path("{id}/resolutions/{rid}/edit")
    public Response editResolution(@PathParam("id") long id, @PathParam("rid") long rid, MultivaluedMap<String, String> form) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        var in = new FormInput(form);
        Meeting current = meetings.byId(society, id);
        String fixed = GeneralMeetings.fixedBecause(current, meetings.resolution(society, id, rid));
        if (fixed != null) {
            return cannotChange(society, current, fixed); // checked again under the meeting's lock when saving
        }
        try {
            var input = resolution(in);
            tx.call(() -> meetings.reviseResolution(society, id, rid, input));
            return Flash.redirect(request, base(society) + "/" + id + "#resolution-" + rid, "The resolution has been changed");
        } catch (coop.cooperage.platform.control.ConflictException e) {
            return cannotChange(society, meetings.byId(society, id), e.getMessage());
        } catch (InvalidInputException e) {
            Meeting m = meetings.byId(society, id);
            return Response.status(400).entity(resolutionForm(society, m, meetings.resolution(society, id, rid), in.values(),
                    merged(in, e))).build();
        }
    }

    private Page resolutionForm(Society society, Meeting m, Resolution r, Map<String, String> values, Map<String, String> errors) {
        return Page.of("meetings/resolution-form").with("title", "Change resolution " + r.position()).with("society", society)
                .with("meeting", m).with("resolution", r).with("form", values).with("errors", errors)
                .with("earlier", earlier(society, m)).with("resolutionKinds", resolutionKinds(society));
    }

    /** 409: the resolution's wording is fixed; says why and leads back to the meeting. */
    private static Response cannotChange(Society society, Meeting m, String why) {
        return Response.status(409).type(MediaType.TEXT_HTML_TYPE).entity(Page.of("meetings/resolution-fixed").with("status", 409)
                .with("title", "This resolution can no longer be changed").with("society", society)
                .with("detail", why).with("back", base(society) + "/" + m.id())).build();
    }

    private Page attendancePage(Society society, Meeting m, Map<String, String> values, Map<String, String> errors) {
        var present = votes.attendance(m);
        var proxies = votes.proxies(m);
        var ids = new java.util.HashSet<Long>();
        present.forEach(a -> ids.add(a.memberId()));
        proxies.forEach(p -> {
            ids.add(p.memberId());
            if (p.holderMemberId() != null) {
                ids.add(p.holderMemberId());
            }
        });
        return Page.of("meetings/attendance").with("title", "Attendance: " + m.title()).with("society", society).with("meeting", m)
                .with("quorum", votes.quorum(society, m)).with("present", present).with("proxies", proxies)
                .with("names", meetings.memberNames(society, ids)).with("entitled", meetings.rollSize(m))
                .with("editable", isSecretary(society)).with("refreshSeconds", errors.isEmpty() ? REFRESH_SECONDS : null)
                .with("chairHeld", isSecretary(society) ? secretProxies.held(society, m, null) : List.of())
                .with("form", values).with("errors", errors);
    }

    /** Runs a secretary's action on the meeting page: redirect with a message, or the page again with the errors. */
    private Response act(long id, FormInput in, String done, Supplier<?> work) {
        Society society = society(Role.SECRETARY);
        try {
            tx.call(work);
            return Flash.redirect(request, base(society) + "/" + id, done);
        } catch (InvalidInputException e) {
            var errors = in == null ? e.byField() : merged(in, e);
            return Response.status(e instanceof coop.cooperage.platform.control.ConflictException ? 409 : 400)
                    .entity(meetingPage(society, meetings.byId(society, id), in == null ? Map.of() : in.values(), errors)).build();
        }
    }

    private Society society(Role... roles) {
        return societies.forCaller(slug, roles);
    }

    private static Map<String, String> merged(FormInput in, InvalidInputException e) {
        var all = new LinkedHashMap<String, String>(in.errors().byField());
        e.byField().forEach(all::putIfAbsent);
        return all;
    }

    private boolean isSecretary(Society society) {
        return caller.isPlatformAdmin() || caller.rolesIn(society.id()).contains(Role.SECRETARY);
    }

    private static String base(Society society) {
        return "/s/" + society.slug() + "/meetings";
    }

    private static GeneralMeetings.Details details(FormInput in) {
        MeetingKind kind = in.choice("kind", MeetingKind.class, "Choose the kind of meeting");
        LocalDate on = in.date("startsOn", "Enter the date of the meeting as a real date");
        LocalTime starts = time(in, "startsTime", true);
        LocalTime ends = time(in, "endsTime", false);
        LocalDate recordDate = in.date("recordDate", "Enter the record date as a real date");
        LocalDate noticeSentOn = blankDate(in, "noticeSentOn") ? null : in.date("noticeSentOn", "Enter the date notice was sent as a real date");
        LocalTime pollCloses = time(in, "pollClosesTime", false);
        in.errors().throwIfAny();
        LocalDateTime startsAt = LocalDateTime.of(on, starts);
        return new GeneralMeetings.Details(kind, in.text("title"), startsAt, ends == null ? null : LocalDateTime.of(on, ends),
                in.text("place"), in.text("onlineLink"), in.text("agenda"), recordDate,
                pollCloses == null ? null : LocalDateTime.of(on, pollCloses), noticeSentOn);
    }

    private static boolean blankDate(FormInput in, String name) {
        return isBlank(in.text(name + "-day")) && isBlank(in.text(name + "-month")) && isBlank(in.text(name + "-year"));
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static LocalTime time(FormInput in, String name, boolean required) {
        String v = in.text(name);
        if (v == null || v.isEmpty()) {
            if (required) {
                in.errors().add(name, "Enter the time, like 19:00");
            }
            return null;
        }
        try {
            return LocalTime.parse(v.length() == 4 ? "0" + v : v);
        } catch (DateTimeParseException e) {
            in.errors().add(name, "Enter the time as hours and minutes, like 19:00");
            return null;
        }
    }

    private static GeneralMeetings.ResolutionInput resolution(FormInput in) {
        ResolutionKind kind = in.choice("kind", ResolutionKind.class, "Choose the kind of resolution");
        String confirms = in.text("confirmsResolutionId");
        // the form always posts the select; it means something only for a confirmation
        Long confirmsId = confirms == null || confirms.isEmpty() || kind != ResolutionKind.S111_CONFIRMATION ? null
                : parse(confirms, "confirmsResolutionId");
        var input = new GeneralMeetings.ResolutionInput(in.text("title"), in.text("text"), in.text("proposer"), kind,
                in.flag("secret"), confirmsId);
        if (!in.errors().isEmpty()) {
            // report every problem at once: the kind's error and the text's
            var errors = new coop.cooperage.platform.control.FieldErrors();
            errors.check(!isBlank(in.text("title")), "title", "Enter a title of up to 200 characters");
            errors.check(!isBlank(in.text("text")), "text", "Enter the text of the resolution");
            errors.check(!isBlank(in.text("proposer")), "proposer", "Enter who proposes it");
            in.errors().merge(errors).throwIfAny();
        }
        return input;
    }

    private static long parse(String text, String field) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "Enter a member number");
        }
    }

    private static void dateValues(Map<String, String> values, String name, LocalDate date) {
        values.put(name + "-day", String.valueOf(date.getDayOfMonth()));
        values.put(name + "-month", String.valueOf(date.getMonthValue()));
        values.put(name + "-year", String.valueOf(date.getYear()));
    }

    private static String guessType(String fileName) {
        if (fileName == null) {
            return "application/octet-stream";
        }
        String lower = fileName.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".pdf")) {
            return "application/pdf";
        }
        if (lower.endsWith(".txt")) {
            return "text/plain";
        }
        return "application/octet-stream";
    }
}
