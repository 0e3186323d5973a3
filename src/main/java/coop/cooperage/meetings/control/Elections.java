package coop.cooperage.meetings.control;

import coop.cooperage.audit.control.AuditTrail;
import coop.cooperage.meetings.control.BallotBox.PollRef;
import coop.cooperage.meetings.control.BallotBox.Receipt;
import coop.cooperage.meetings.entity.Candidate;
import coop.cooperage.meetings.entity.Channel;
import coop.cooperage.meetings.entity.Election;
import coop.cooperage.meetings.entity.ElectionState;
import coop.cooperage.meetings.entity.Meeting;
import coop.cooperage.meetings.entity.MeetingState;
import coop.cooperage.meetings.entity.RecordDate;
import coop.cooperage.members.entity.Member;
import coop.cooperage.members.entity.MemberState;
import coop.cooperage.platform.control.Clocks;
import coop.cooperage.platform.control.ConflictException;
import coop.cooperage.platform.control.FieldErrors;
import coop.cooperage.platform.control.InvalidInputException;
import coop.cooperage.platform.control.NoSuchResourceException;
import coop.cooperage.society.entity.Society;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Board elections: nominations, the poll (online and postal, through the secret
 * {@link BallotBox}), the close, and the count and declaration.
 *
 * <p>Who may vote: members on the register at the end of the meeting's record date
 * ({@link RecordDate}) and still members now. Who may stand: members aged 16 or over on the day
 * of the meeting. A vote is refused, with nothing recorded, after the close (the election closed
 * or the meeting's poll closing time reached), from someone not entitled, or with a malformed
 * ballot ({@link BallotPaper}).
 */
@ApplicationScoped
public class Elections {

    public static final int MIN_CANDIDATE_AGE = 16;
    private static final Jsonb JSON = JsonbBuilder.create();
    private static final DateTimeFormatter CLOSE_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK);

    @PersistenceContext
    EntityManager em;

    @Inject
    BallotBox box;

    @Inject
    SecretProxies secretProxies;

    @Inject
    GeneralMeetings meetings;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    public static PollRef poll(Election e) {
        return PollRef.election(e.id());
    }

    public List<Election> of(Society society) {
        return em.createQuery("select e from Election e where e.societyId = :s order by e.id desc", Election.class)
                .setParameter("s", society.id()).getResultList();
    }

    /**
     * What a list of elections shows, read for the whole list at once (a few queries, not a few
     * per election): their candidates, turnout by channel, and how the member (if any) voted in
     * each. Their meetings are loaded too, so {@link #entitled} finds them without a query.
     */
    public record Overview(Map<Long, List<Candidate>> candidates, Map<Long, Map<Channel, Long>> turnout, Map<Long, Channel> votedBy) {
    }

    public Overview overview(List<Election> list, Member member) {
        var candidates = new HashMap<Long, List<Candidate>>();
        var turnout = new HashMap<Long, Map<Channel, Long>>();
        var votedBy = new HashMap<Long, Channel>();
        list.forEach(e -> {
            candidates.put(e.id(), new ArrayList<>());
            turnout.put(e.id(), new java.util.EnumMap<>(Channel.class));
        });
        if (list.isEmpty()) {
            return new Overview(candidates, turnout, votedBy);
        }
        var ids = list.stream().map(Election::id).toList();
        em.createQuery("select m from Meeting m where m.id in :m", Meeting.class)
                .setParameter("m", list.stream().map(Election::meetingId).distinct().toList()).getResultList();
        em.createQuery("select c from Candidate c where c.electionId in :e order by c.electionId, c.position", Candidate.class)
                .setParameter("e", ids).getResultList().forEach(c -> candidates.get(c.electionId()).add(c));
        String in = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT poll_id, channel, COUNT(*) FROM poll_voter WHERE poll_kind = 'ELECTION'"
                + " AND poll_id IN (" + in + ") GROUP BY poll_id, channel").getResultList();
        rows.forEach(r -> turnout.get(((Number) r[0]).longValue()).put(Channel.valueOf((String) r[1]), ((Number) r[2]).longValue()));
        if (member != null) {
            @SuppressWarnings("unchecked")
            List<Object[]> mine = em.createNativeQuery("SELECT poll_id, channel FROM poll_voter WHERE poll_kind = 'ELECTION'"
                    + " AND member_id = ?1 AND poll_id IN (" + in + ")").setParameter(1, member.id()).getResultList();
            mine.forEach(r -> votedBy.put(((Number) r[0]).longValue(), Channel.valueOf((String) r[1])));
        }
        return new Overview(candidates, turnout, votedBy);
    }

    /** The elections held at the meeting, in the order they were created. */
    public List<Election> ofMeeting(Meeting m) {
        return em.createQuery("select e from Election e where e.meetingId = :m order by e.id", Election.class)
                .setParameter("m", m.id()).getResultList();
    }

    public Election byId(Society society, long id) {
        Election e = em.find(Election.class, id);
        if (e == null || e.societyId() != society.id()) {
            throw new NoSuchResourceException("No such election");
        }
        return e;
    }

    public Meeting meetingOf(Election e) {
        return em.find(Meeting.class, e.meetingId());
    }

    public List<Meeting> meetings(Society society) {
        return em.createQuery("select m from Meeting m where m.societyId = :s order by m.startsAt desc", Meeting.class)
                .setParameter("s", society.id()).getResultList();
    }

    public List<Candidate> candidates(Election e) {
        return em.createQuery("select c from Candidate c where c.electionId = :e order by c.position", Candidate.class)
                .setParameter("e", e.id()).getResultList();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Election create(Society society, Long meetingId, String title, Integer seats, String methodText, Boolean secret) {
        var errors = new FieldErrors();
        Meeting meeting = meetingId == null ? null : em.find(Meeting.class, meetingId);
        errors.check(meeting != null && meeting.societyId() == society.id(), "meetingId", "Choose the meeting the election is held at");
        errors.check(meeting == null || meeting.state() != MeetingState.CANCELLED, "meetingId", "That meeting is cancelled");
        errors.check(title != null && !title.isBlank() && title.length() <= 200, "title", "Enter a title of up to 200 characters");
        errors.check(seats != null && seats >= 1 && seats <= 50, "seats", "Enter the number of seats, from 1 to 50");
        CountMethod method = null;
        try {
            method = methodText == null ? null : CountMethod.valueOf(methodText.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            // reported below
        }
        errors.check(method != null, "method", "Choose the method: PLURALITY, SCOTTISH_STV or MEEK_STV");
        errors.throwIfAny();
        // secret by default: an open election has to be asked for
        var election = new Election(society.id(), meetingId, title.trim(), seats, method, secret == null || secret);
        em.persist(election);
        em.flush();
        audit.record(society.id(), "ELECTION_CREATED", "Election", election.id(), null,
                Map.of("title", election.title(), "seats", seats, "method", method.name(), "secret", election.secret(),
                        "meetingId", meetingId));
        return election;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Candidate nominate(Society society, long electionId, Long memberNumber, String ballotName, String statement) {
        Election election = lockedElection(society, electionId);
        if (election.state() != ElectionState.NOMINATING) {
            throw new InvalidInputException("state", "Nominations are closed: voting has opened");
        }
        var errors = new FieldErrors();
        Member member = memberNumber == null ? null : memberByNumber(society, memberNumber);
        errors.check(member != null, "memberNumber", "Enter the member number of a member of this society");
        if (member != null) {
            errors.check(member.state() == MemberState.MEMBER, "memberNumber", "Only a current member can stand");
            var day = meetingOf(election).startsAt().toLocalDate();
            errors.check(member.dateOfBirth() != null, "memberNumber",
                    "The register has no date of birth for this member, so we cannot tell that they are 16 or over");
            errors.check(member.dateOfBirth() == null || Period.between(member.dateOfBirth(), day).getYears() >= MIN_CANDIDATE_AGE,
                    "memberNumber", "A candidate must be " + MIN_CANDIDATE_AGE + " or over on the day of the meeting");
        }
        String name = ballotName == null || ballotName.isBlank() ? (member == null ? null : member.name()) : ballotName.trim();
        errors.check(name != null && name.length() <= 200 && !name.contains("\"") && !name.contains("\n"), "ballotName",
                "Enter the name for the ballot paper (up to 200 characters, no quotation marks)");
        errors.check(statement == null || statement.length() <= 10_000, "statement", "Keep the statement to 10,000 characters");
        errors.throwIfAny();
        var existing = candidates(election);
        if (existing.stream().anyMatch(c -> c.memberId() == member.id())) {
            throw new ConflictException("memberNumber", "This member is already a candidate");
        }
        if (existing.stream().anyMatch(c -> c.ballotName().equalsIgnoreCase(name))) {
            throw new ConflictException("ballotName", "Another candidate has this name on the ballot: add something to tell them apart");
        }
        int position = existing.stream().mapToInt(Candidate::position).max().orElse(0) + 1;
        var candidate = new Candidate(election.id(), member.id(), name,
                statement == null || statement.isBlank() ? null : statement.trim(), position);
        em.persist(candidate);
        em.flush();
        audit.record(society.id(), "CANDIDATE_NOMINATED", "Election", election.id(), null,
                Map.of("candidate", name, "memberNumber", memberNumber, "position", position));
        return candidate;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Election open(Society society, long electionId) {
        Election election = lockedElection(society, electionId);
        Meeting meeting = meetingOf(election);
        if (candidates(election).isEmpty()) {
            throw new InvalidInputException("candidates", "Add the candidates before opening the vote");
        }
        if (meeting.state() == MeetingState.DRAFT || meeting.state() == MeetingState.CANCELLED || meeting.state() == MeetingState.CLOSED) {
            throw new InvalidInputException("state", "Voting opens once the meeting's notice has gone out (the meeting is "
                    + meeting.state().name().toLowerCase(Locale.ROOT) + ")");
        }
        election.open();
        audit.record(society.id(), "ELECTION_OPENED", "Election", election.id(), Map.of("state", "NOMINATING"), Map.of("state", "OPEN"));
        return election;
    }

    /**
     * Closes the poll and seals the box; waits for votes being written to finish first. Proxies
     * directed in this election and not cast by their holders are cast as directed before the
     * seal, and every direction left is deleted ({@link SecretProxies#castDirectedAtClose}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Election close(Society society, long electionId) {
        // the meeting first, in the order appointing, casting by proxy and declaring take it: the close
        // casts directed proxies and deletes directions, rows those hold locks on
        meetings.locked(society, meetingOf(society, electionId));
        Election election = lockedElection(society, electionId);
        election.close();
        secretProxies.castDirectedAtClose(society, election);
        box.seal(poll(election));
        audit.record(society.id(), "ELECTION_CLOSED", "Election", election.id(), Map.of("state", "OPEN"),
                Map.of("state", "CLOSED", "voters", box.voters(poll(election))));
        return election;
    }

    /** A member's own online vote, or a change of it when they give their change code. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Receipt voteOnline(Society society, long electionId, Member voter, List<Long> choices, Map<Long, Integer> ranks,
            String changeCode) {
        Election election = forVoting(society, electionId);
        checkEntitled(election, voter);
        String content = content(election, choices, ranks);
        if (changeCode != null && !changeCode.isBlank()) {
            return box.change(society.id(), poll(election), voter.id(), changeCode, content);
        }
        return box.cast(society.id(), poll(election), voter.id(), Channel.ONLINE, content);
    }

    /**
     * A postal paper, entered by the secretary: records that the member voted and puts the paper
     * in the box, with no link between them. Refused if the member has already voted.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void votePostal(Society society, long electionId, Long memberNumber, List<Long> choices, Map<Long, Integer> ranks) {
        Election election = forVoting(society, electionId);
        Member voter = memberNumber == null ? null : memberByNumber(society, memberNumber);
        if (voter == null) {
            throw new InvalidInputException("memberNumber", "Enter the member number printed on the postal voting form");
        }
        checkEntitled(election, voter);
        box.cast(society.id(), poll(election), voter.id(), Channel.POSTAL, content(election, choices, ranks));
        // who, not what: the paper's content and receipt stay out of the audit trail
        audit.record(society.id(), "POSTAL_VOTE_ENTERED", "Election", election.id(), null, Map.of("memberNumber", memberNumber));
    }

    /** Counts the sealed ballots with the election's method, keeps the report and marks who was elected. */
    @Transactional(Transactional.TxType.MANDATORY)
    public CountResult declare(Society society, long electionId) {
        Election election = lockedElection(society, electionId);
        if (election.state() != ElectionState.CLOSED) {
            throw new InvalidInputException("state", "Close the voting before counting");
        }
        var candidates = candidates(election);
        // the lot for ties is seeded by the election's id, so anyone recounting the BLT file with
        // this program gets the same result
        CountResult result = election.method().count(contest(election, candidates), election.id());
        election.declare(JSON.toJson(result), LocalDateTime.now(clock).truncatedTo(ChronoUnit.MICROS));
        for (Candidate c : candidates) {
            c.declare(result.elected().contains(c.ballotName()));
        }
        audit.record(society.id(), "ELECTION_DECLARED", "Election", election.id(), Map.of("state", "CLOSED"),
                Map.of("state", "DECLARED", "elected", result.elected(), "validVotes", result.validVotes()));
        return result;
    }

    public CountResult report(Election election) {
        if (election.reportJson() == null) {
            throw new NoSuchResourceException("The election has not been declared yet");
        }
        return JSON.fromJson(election.reportJson(), CountResult.class);
    }

    /**
     * The ballots as a contest for the counting engine: identical papers grouped (the box returns
     * them in receipt order, and grouping loses even that).
     */
    public Contest contest(Election election, List<Candidate> candidates) {
        var index = new HashMap<Long, Integer>();
        for (int i = 0; i < candidates.size(); i++) {
            index.put(candidates.get(i).id(), i);
        }
        var grouped = new LinkedHashMap<List<Integer>, Long>();
        for (var ballot : box.ballots(poll(election))) {
            var order = BallotPaper.decode(ballot.content()).stream().map(index::get).toList();
            grouped.merge(order, 1L, Long::sum);
        }
        var papers = grouped.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Elections::lexicographic))
                .map(e -> RankedBallot.of(e.getValue(), e.getKey().toArray(Integer[]::new))).toList();
        return new Contest(election.title(), election.seats(), candidates.stream().map(Candidate::ballotName).toList(), papers);
    }

    private static int lexicographic(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Integer.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /** The anonymised ballots as a BLT file, once the poll is closed. */
    public String blt(Election election) {
        if (election.state() != ElectionState.CLOSED && election.state() != ElectionState.DECLARED) {
            throw new InvalidInputException("state", "The ballots are published once voting has closed");
        }
        return BltWriter.write(contest(election, candidates(election)));
    }

    /** The receipts of the counted ballots, once the poll is closed. */
    public List<String> receipts(Election election) {
        if (election.state() != ElectionState.CLOSED && election.state() != ElectionState.DECLARED) {
            throw new InvalidInputException("state", "The receipts are published once voting has closed");
        }
        return box.receipts(poll(election));
    }

    public boolean entitled(Election election, Member member) {
        Meeting meeting = meetingOf(election);
        return member.state() == MemberState.MEMBER
                && new RecordDate(meeting.recordDate()).entitles(member.joinedOn(), member.ceasedOn());
    }

    public java.util.Optional<Channel> votedBy(Election election, Member member) {
        return box.votedBy(poll(election), member.id());
    }

    public Map<Channel, Long> turnout(Election election) {
        return box.turnout(poll(election));
    }

    void checkEntitled(Election election, Member voter) {
        if (!entitled(election, voter)) {
            Meeting meeting = meetingOf(election);
            throw new InvalidInputException("ballot", voter.state() != MemberState.MEMBER
                    ? "Only current members may vote; this membership has ended."
                    : "Only members on the register at the end of the record date ("
                            + meeting.recordDate().format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK)) + ") may vote in this election.");
        }
    }

    /**
     * The election, open for voting. The share lock on its row makes {@link #close} (which takes
     * it exclusively) wait for every vote already being written, and stops any vote from starting
     * after the close: no ballot goes in after the box is sealed.
     */
    Election forVoting(Society society, long electionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT society_id, state, meeting_id FROM election WHERE id = ?1 LOCK IN SHARE MODE")
                .setParameter(1, electionId).getResultList();
        if (rows.isEmpty() || ((Number) rows.get(0)[0]).longValue() != society.id()) {
            throw new NoSuchResourceException("No such election");
        }
        Election election = em.find(Election.class, electionId);
        String state = (String) rows.get(0)[1];
        if (!ElectionState.OPEN.name().equals(state)) {
            throw new InvalidInputException("ballot", ElectionState.NOMINATING.name().equals(state)
                    ? "Voting in this election has not opened yet."
                    : "Voting in this election has closed; no more votes are taken.");
        }
        Meeting meeting = meetingOf(election);
        var now = LocalDateTime.now(clock.withZone(Clocks.UK));
        if (meeting.pollClosesAt() != null && !now.isBefore(meeting.pollClosesAt())) {
            throw new InvalidInputException("ballot", "The poll closed on " + meeting.pollClosesAt().format(CLOSE_TIME) + "; no more votes are taken.");
        }
        return election;
    }

    String content(Election election, List<Long> choices, Map<Long, Integer> ranks) {
        Set<Long> ids = candidates(election).stream().map(Candidate::id).collect(Collectors.toSet());
        List<Long> marked = election.method() == CountMethod.PLURALITY
                ? BallotPaper.ticked(choices, ids, election.seats())
                : BallotPaper.ranked(ranks, ids);
        return BallotPaper.encode(new ArrayList<>(marked));
    }

    /** The meeting an election is held with (it never changes, so a plain read finds it). */
    long meetingOf(Society society, long electionId) {
        Election e = em.find(Election.class, electionId);
        if (e == null || e.societyId() != society.id()) {
            throw new NoSuchResourceException("No such election");
        }
        return e.meetingId();
    }

    private Election lockedElection(Society society, long electionId) {
        Election e = em.find(Election.class, electionId, LockModeType.PESSIMISTIC_WRITE);
        if (e == null || e.societyId() != society.id()) {
            throw new NoSuchResourceException("No such election");
        }
        return e;
    }

    private Member memberByNumber(Society society, long number) {
        return em.createQuery("select m from Member m where m.societyId = :s and m.memberNumber = :n", Member.class)
                .setParameter("s", society.id()).setParameter("n", number).getResultStream().findFirst().orElse(null);
    }
}
