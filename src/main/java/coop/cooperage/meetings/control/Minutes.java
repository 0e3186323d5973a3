package coop.cooperage.meetings.control;

import coop.cooperage.meetings.entity.Attendance;
import coop.cooperage.meetings.entity.AttendanceMode;
import coop.cooperage.meetings.entity.Meeting;
import coop.cooperage.meetings.entity.Quorum;
import coop.cooperage.meetings.entity.Resolution;
import coop.cooperage.meetings.entity.ResolutionResult;
import coop.cooperage.meetings.entity.ResolutionState;
import coop.cooperage.platform.control.Clocks;
import coop.cooperage.reporting.control.ReportRenderer;
import coop.cooperage.society.entity.Society;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Draft minutes of a general meeting as a PDF (reports/meetings/minutes.jrxml): attendance,
 * quorum, each resolution with its declared result and figures, and the results of elections
 * declared at the meeting (read from the election and candidate tables the elections work fills).
 */
@ApplicationScoped
public class Minutes {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.UK);

    @PersistenceContext
    EntityManager em;

    @Inject
    GeneralMeetings meetings;

    @Inject
    MeetingVotes votes;

    @Inject
    ReportRenderer renderer;

    @Inject
    Clock clock;

    /** The sections of the minutes as (heading, body) rows, in order: also what the tests read. */
    public List<Map<String, ?>> rows(Society society, Meeting m) {
        var rows = new ArrayList<Map<String, ?>>();
        List<Attendance> present = votes.attendance(m);
        var names = meetings.memberNames(society, present.stream().map(Attendance::memberId).toList());
        long inPerson = present.stream().filter(a -> a.mode() == AttendanceMode.IN_PERSON).count();
        String list = present.stream().map(a -> {
            Object[] n = names.get(a.memberId());
            return (n == null ? "member" : n[1] + " (" + n[0] + ")") + (a.mode() == AttendanceMode.ONLINE ? ", online" : "");
        }).collect(Collectors.joining("; "));
        rows.add(row("Attendance", present.size() + " members present (" + inPerson + " in person, " + (present.size() - inPerson)
                + " online) of " + meetings.rollSize(m) + " entitled to vote on the record date, " + m.recordDate() + "."
                + (list.isEmpty() ? "" : "\n" + list)));
        int proxies = votes.proxies(m).size();
        Quorum q = votes.quorum(society, m);
        rows.add(row("Quorum", q.describe() + (proxies > 0 ? ". Proxies lodged: " + proxies + "." : ".")));
        for (Resolution r : meetings.resolutions(m)) {
            var body = new StringBuilder();
            body.append(r.text()).append("\nProposed by ").append(r.proposer()).append(". ").append(kindWords(r)).append('.');
            if (r.state() == ResolutionState.WITHDRAWN) {
                body.append("\nWithdrawn.");
            } else if (r.declared()) {
                ResolutionResult result = votes.resultOf(society, r);
                body.append("\n").append(r.state() == ResolutionState.CARRIED ? "CARRIED" : "LOST").append(" on ")
                        .append(r.decidedBy() == coop.cooperage.meetings.entity.DecidedBy.SHOW_OF_HANDS ? "a show of hands" : "a poll")
                        .append(". ").append(result.declaration());
            } else if (r.secret()) {
                body.append("\nDecided by secret ballot; see the ballot's declared result.");
            } else {
                body.append("\nNo result declared.");
            }
            rows.add(row("Resolution " + r.position() + ": " + r.title(), body.toString()));
        }
        rows.addAll(elections(m));
        return rows;
    }

    private List<Map<String, ?>> elections(Meeting m) {
        var out = new ArrayList<Map<String, ?>>();
        @SuppressWarnings("unchecked")
        List<Object[]> elections = em.createNativeQuery("SELECT id, title, seats, method, state FROM election WHERE meeting_id = ?1"
                + " ORDER BY id").setParameter(1, m.id()).getResultList();
        for (Object[] e : elections) {
            String state = (String) e[4];
            String body;
            if ("DECLARED".equals(state)) {
                @SuppressWarnings("unchecked")
                List<Object[]> candidates = em.createNativeQuery("SELECT ballot_name, elected FROM candidate WHERE election_id = ?1"
                        + " ORDER BY position").setParameter(1, ((Number) e[0]).longValue()).getResultList();
                String elected = candidates.stream().filter(c -> truthy(c[1])).map(c -> (String) c[0]).collect(Collectors.joining(", "));
                String others = candidates.stream().filter(c -> !truthy(c[1])).map(c -> (String) c[0]).collect(Collectors.joining(", "));
                body = e[2] + " seat(s), counted by " + e[3] + ". Elected: " + (elected.isEmpty() ? "none" : elected) + "."
                        + (others.isEmpty() ? "" : " Not elected: " + others + ".");
            } else {
                body = "Not yet declared (" + state.toLowerCase(Locale.ROOT) + ").";
            }
            out.add(row("Election: " + e[1], body));
        }
        return out;
    }

    private static boolean truthy(Object o) {
        return o instanceof Boolean b ? b : o instanceof Number n && n.intValue() != 0;
    }

    private static String kindWords(Resolution r) {
        return switch (r.kind()) {
            case ORDINARY -> "Ordinary resolution";
            case SPECIAL -> "Special resolution (rule change)";
            case S111_FIRST_MEETING -> "Resolution under section 111 of the 2014 Act (first meeting)";
            case S111_CONFIRMATION -> "Confirmation of a resolution under section 111 of the 2014 Act";
            case S113 -> "Resolution under section 113 of the 2014 Act (conversion)";
        } + (r.secret() ? ", by secret ballot" : "");
    }

    private static Map<String, ?> row(String heading, String body) {
        var row = new HashMap<String, Object>();
        row.put("heading", heading);
        row.put("body", body);
        return row;
    }

    public byte[] pdf(Society society, Meeting m) {
        Map<String, Object> params = new HashMap<>();
        params.put("SOCIETY_NAME", society.name());
        params.put("BRAND_COLOUR", society.brandColour());
        params.put("MEETING_TITLE", m.title() + (m.kind() == coop.cooperage.meetings.entity.MeetingKind.AGM ? " (annual general meeting)"
                : " (general meeting)"));
        params.put("MEETING_WHEN", "Held on " + WHEN.format(m.startsAt()));
        params.put("MEETING_WHERE", m.place() == null ? "Online" : m.place() + (m.onlineLink() == null ? "" : ", and online"));
        params.put("GENERATED_AT", ZonedDateTime.now(clock.withZone(Clocks.UK))
                .format(DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", Locale.UK)));
        return renderer.pdf("meetings/minutes", params, rows(society, m));
    }
}
