package coop.cooperage.meetings.control;

import coop.cooperage.audit.control.AuditTrail;
import coop.cooperage.meetings.entity.Attendance;
import coop.cooperage.meetings.entity.AttendanceMode;
import coop.cooperage.meetings.entity.Channel;
import coop.cooperage.meetings.entity.CountedVote;
import coop.cooperage.meetings.entity.DecidedBy;
import coop.cooperage.meetings.entity.Meeting;
import coop.cooperage.meetings.entity.MeetingState;
import coop.cooperage.meetings.entity.Poll;
import coop.cooperage.meetings.entity.ProxyAppointment;
import coop.cooperage.meetings.entity.ProxyBook;
import coop.cooperage.meetings.entity.ProxyHolder;
import coop.cooperage.meetings.entity.ProxyRefusedException;
import coop.cooperage.meetings.entity.Quorum;
import coop.cooperage.meetings.entity.Resolution;
import coop.cooperage.meetings.entity.ResolutionKind;
import coop.cooperage.meetings.entity.ResolutionResult;
import coop.cooperage.meetings.entity.ResolutionState;
import coop.cooperage.meetings.entity.ShowOfHands;
import coop.cooperage.meetings.entity.Submission;
import coop.cooperage.meetings.entity.Tally;
import coop.cooperage.meetings.entity.VoteChoice;
import coop.cooperage.meetings.entity.VoteRefusedException;
import coop.cooperage.platform.control.Clocks;
import coop.cooperage.platform.control.ConflictException;
import coop.cooperage.platform.control.InvalidInputException;
import coop.cooperage.society.entity.Society;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Votes on resolutions (open ballots), proxies, attendance and quorum, and declaring results.
 *
 * <p>One member, one vote is held by the database: {@code resolution_vote} has one row per member
 * and resolution, and every vote is an upsert that keeps whichever submission has the greater
 * precedence (channel first, in the order of {@link Channel}; then the later time, so a member can
 * change an online vote until the poll closes). Any number of simultaneous votes by one member
 * therefore end as exactly one row; votes at one meeting are taken under its row lock, so the
 * close of the poll is a clean line and the upserts never deadlock.
 *
 * <p>Proxies are not stored as votes while the poll is open: when the result is declared, each
 * proxy of a member who did not vote themselves becomes a PROXY row, as directed or as the
 * holder chose at their discretion ({@link Count}); a member's own vote always overrides it. Only
 * the proxies of holders at the meeting count (the chair, and members checked in). On secret
 * ballots the holder casts each proxy in the ballot box during the poll: see {@link SecretProxies}.
 */
@ApplicationScoped
public class MeetingVotes {

    /** epoch microseconds stay below 10^16 until the year 2286; the channel sits above them. */
    private static final long CHANNEL_STEP = 10_000_000_000_000_000L;

    @PersistenceContext
    EntityManager em;

    @Inject
    GeneralMeetings meetings;

    @Inject
    AuditTrail audit;

    @Inject
    BallotBox ballotBox;

    @Inject
    SecretProxies secretProxies;

    /** A vote taken; for a secret ballot, with the receipt and change code shown to the voter once (otherwise null). */
    public record CastVote(long memberId, long resolutionId, Channel channel, VoteChoice choice, LocalDateTime castAt,
            String receipt, String changeCode) {
    }

    /**
     * Channel first, then the moment as an instant: UK wall-clock time would rank a vote changed in
     * the second pass of the autumn's repeated hour before the one it replaces.
     */
    static long precedence(Channel channel, Instant at) {
        long micros = at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
        return (Channel.values().length - channel.ordinal()) * CHANNEL_STEP + micros;
    }

    /**
     * Records a member's own vote by one channel. A vote that a stronger channel's vote already
     * outranks is refused (409) and changes nothing; refusals for eligibility or a closed poll are
     * 400s with the reason, and nothing is recorded.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CastVote cast(Society society, long meetingId, long resolutionId, long memberId, Channel channel, VoteChoice choice,
            String recordedBy) {
        return cast(society, meetingId, resolutionId, memberId, channel, choice, recordedBy, null);
    }

    /**
     * As above; on a secret ballot the vote goes into the {@link BallotBox} instead, where the
     * first vote by any channel stands and an online vote is changed only with its change code.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CastVote cast(Society society, long meetingId, long resolutionId, long memberId, Channel channel, VoteChoice choice,
            String recordedBy, String changeCode) {
        if (choice == null) {
            throw new InvalidInputException("choice", "Choose FOR, AGAINST or ABSTAIN");
        }
        if (channel == null || channel == Channel.PROXY) {
            throw new InvalidInputException("channel", "Choose the channel: IN_PERSON, POSTAL or ONLINE");
        }
        // Votes at one meeting are taken one at a time under its row lock: closing the poll waits for a vote in
        // flight and a vote for the close, two first votes of one member cannot race to insert the same key (which
        // deadlocks in InnoDB), and the locking read sees the meeting as committed, not as this transaction's snapshot.
        // The audit chain serialises a society's writes anyway, so this costs no throughput.
        Meeting m = meetings.locked(society, meetingId);
        Resolution r = meetings.lockedResolution(society, meetingId, resolutionId);
        LocalDateTime checkedAt = meetings.now();
        if (!m.pollOpenAt(checkedAt)) {
            throw new InvalidInputException("choice", m.pollClosedAt(checkedAt)
                    ? "The poll closed at " + m.pollClosesAt() + "; no more votes can be taken"
                    : "Voting opens when notice of the meeting has been given");
        }
        if (!r.acceptsVotes()) {
            throw new InvalidInputException("choice", "Resolution " + r.position() + " is " + r.state().name().toLowerCase()
                    + "; it takes no more votes");
        }
        if (channel == Channel.IN_PERSON && m.state() != MeetingState.OPEN) {
            throw new InvalidInputException("channel", "Votes in person are taken at the meeting, once it is open");
        }
        String why = meetings.ineligibility(m, memberId);
        if (why != null) {
            throw new InvalidInputException("member", why);
        }
        if (r.secret()) {
            return castSecret(society, r, memberId, channel, choice, changeCode);
        }
        // stamped under the lock, so "the last one counts" follows the order votes are taken in
        ZonedDateTime stamp = meetings.nowInUk();
        LocalDateTime now = stamp.toLocalDateTime();
        if (!m.pollOpenAt(now)) {
            throw new InvalidInputException("choice", "The poll closed at " + m.pollClosesAt() + "; no more votes can be taken");
        }
        long precedence = precedence(channel, stamp.toInstant());
        // The row is replaced only by a submission of greater precedence; precedence is assigned last so that
        // every IF above it still compares against the row's old value.
        em.createNativeQuery("INSERT INTO resolution_vote (resolution_id, member_id, channel, choice, cast_at, precedence, recorded_by)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON DUPLICATE KEY UPDATE"
                + " channel = IF(VALUES(precedence) >= precedence, VALUES(channel), channel),"
                + " choice = IF(VALUES(precedence) >= precedence, VALUES(choice), choice),"
                + " cast_at = IF(VALUES(precedence) >= precedence, VALUES(cast_at), cast_at),"
                + " recorded_by = IF(VALUES(precedence) >= precedence, VALUES(recorded_by), recorded_by),"
                + " precedence = GREATEST(precedence, VALUES(precedence))")
                .setParameter(1, r.id()).setParameter(2, memberId).setParameter(3, channel.name()).setParameter(4, choice.name())
                .setParameter(5, now).setParameter(6, precedence).setParameter(7, recordedBy).executeUpdate();
        // a locking read: a plain one would read this transaction's snapshot, taken before another vote inserted the row
        Object[] row = (Object[]) em.createNativeQuery("SELECT channel, choice, precedence FROM resolution_vote"
                + " WHERE resolution_id = ?1 AND member_id = ?2 FOR UPDATE").setParameter(1, r.id()).setParameter(2, memberId).getSingleResult();
        if (((Number) row[2]).longValue() != precedence) {
            // a stronger vote stands; refuse this one (the transaction rolls back, though the upsert changed nothing)
            throw new ConflictException("choice", "A " + channelWords(Channel.valueOf((String) row[0]))
                    + " vote already counts for this member on resolution " + r.position() + " and takes precedence");
        }
        var vote = new CastVote(memberId, r.id(), channel, choice, now, null, null);
        var after = new LinkedHashMap<String, Object>();
        after.put("resolution", r.id());
        after.put("member", memberId);
        after.put("channel", channel);
        after.put("choice", choice);
        audit.record(society.id(), "vote.cast", "Resolution", r.id(), null, after);
        return vote;
    }

    private CastVote castSecret(Society society, Resolution r, long memberId, Channel channel, VoteChoice choice, String changeCode) {
        var poll = BallotBox.PollRef.resolution(r.id());
        BallotBox.Receipt receipt = changeCode != null && !changeCode.isBlank() && channel == Channel.ONLINE
                ? ballotBox.change(society.id(), poll, memberId, changeCode, choice.name())
                : ballotBox.cast(society.id(), poll, memberId, channel, choice.name());
        if (channel != Channel.ONLINE) {
            // the secretary's entry is on the record with the member and channel, never the vote or its receipt
            audit.record(society.id(), "vote.secret-recorded", "Resolution", r.id(), null,
                    Map.of("resolution", r.id(), "member", memberId, "channel", channel));
        }
        return new CastVote(memberId, r.id(), channel, null, meetings.now(), receipt.receipt(), receipt.changeCode());
    }

    static String channelWords(Channel c) {
        return switch (c) {
            case IN_PERSON -> "in-person";
            case POSTAL -> "postal";
            case ONLINE -> "online";
            case PROXY -> "proxy";
        };
    }

    /** The counted vote of each member on the resolution: channel and choice by member id. */
    public Map<Long, CountedVote> votes(Resolution r) {
        if (r.secret()) {
            return Map.of(); // a secret ballot keeps no vote by member; see voters()
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT member_id, choice, channel FROM resolution_vote WHERE resolution_id = ?1"
                + " ORDER BY id").setParameter(1, r.id()).getResultList();
        var out = new LinkedHashMap<Long, CountedVote>();
        rows.forEach(x -> out.put(((Number) x[0]).longValue(), new CountedVote(((Number) x[0]).longValue(), String.valueOf(r.id()),
                VoteChoice.valueOf((String) x[1]), Channel.valueOf((String) x[2]))));
        return out;
    }

    /** Who voted on a secret ballot, by channel; never how. */
    public Map<Long, Channel> voters(Resolution r) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT member_id, channel FROM poll_voter WHERE poll_kind = 'RESOLUTION'"
                + " AND poll_id = ?1 ORDER BY member_id").setParameter(1, r.id()).getResultList();
        var out = new LinkedHashMap<Long, Channel>();
        rows.forEach(x -> out.put(((Number) x[0]).longValue(), Channel.valueOf((String) x[1])));
        return out;
    }

    /** The receipts of the counted secret ballots, published once the result is declared. */
    public List<String> receipts(Resolution r) {
        if (!r.secret() || !r.declared()) {
            return List.of();
        }
        return ballotBox.receipts(BallotBox.PollRef.resolution(r.id()));
    }

    /** The channel of the member's vote on a secret ballot, if they voted (the choice is not kept with them). */
    public Optional<Channel> secretVoteOf(Resolution r, long memberId) {
        return ballotBox.votedBy(BallotBox.PollRef.resolution(r.id()), memberId);
    }

    public Optional<CountedVote> voteOf(Resolution r, long memberId) {
        if (r.secret()) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT choice, channel FROM resolution_vote WHERE resolution_id = ?1 AND member_id = ?2")
                .setParameter(1, r.id()).setParameter(2, memberId).getResultList();
        return rows.stream().findFirst().map(x -> new CountedVote(memberId, String.valueOf(r.id()), VoteChoice.valueOf((String) x[0]),
                Channel.valueOf((String) x[1])));
    }

    public Tally tallyOf(Resolution r) {
        if (r.secret()) {
            return Tally.NONE; // nothing of a secret ballot is counted before the close
        }
        Tally t = Tally.NONE;
        for (CountedVote v : votes(r).values()) {
            t = t.add(v.choice());
        }
        return t;
    }

    // ---- whole agendas at once, for pages (one query per kind of figure, not one per resolution) ----

    /** The open tallies so far of the agenda's open-ballot resolutions (as {@link #tallyOf}); secret ones count nothing yet. */
    public Map<Long, Tally> talliesOf(List<Resolution> agenda) {
        var out = new HashMap<Long, Tally>();
        agenda.forEach(r -> out.put(r.id(), Tally.NONE));
        var open = agenda.stream().filter(r -> !r.secret()).map(Resolution::id).toList();
        if (open.isEmpty()) {
            return out;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT resolution_id, choice, COUNT(*) FROM resolution_vote WHERE resolution_id IN ("
                + ids(open) + ") GROUP BY resolution_id, choice").getResultList();
        for (Object[] x : rows) {
            long id = ((Number) x[0]).longValue();
            long n = ((Number) x[2]).longValue();
            Tally t = out.get(id);
            out.put(id, switch (VoteChoice.valueOf((String) x[1])) {
                case FOR -> new Tally(t.votesFor() + n, t.against(), t.abstain());
                case AGAINST -> new Tally(t.votesFor(), t.against() + n, t.abstain());
                case ABSTAIN -> new Tally(t.votesFor(), t.against(), t.abstain() + n);
            });
        }
        return out;
    }

    /** How many members have voted on each secret-ballot resolution of the agenda (as {@link #voters}' size). */
    public Map<Long, Integer> secretVoterCounts(List<Resolution> agenda) {
        var out = new HashMap<Long, Integer>();
        var secret = agenda.stream().filter(Resolution::secret).map(Resolution::id).toList();
        secret.forEach(id -> out.put(id, 0));
        if (secret.isEmpty()) {
            return out;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT poll_id, COUNT(*) FROM poll_voter WHERE poll_kind = 'RESOLUTION'"
                + " AND poll_id IN (" + ids(secret) + ") GROUP BY poll_id").getResultList();
        rows.forEach(x -> out.put(((Number) x[0]).longValue(), ((Number) x[1]).intValue()));
        return out;
    }

    /** A member's counted open votes across the agenda, by resolution id (as {@link #voteOf}). */
    public Map<Long, CountedVote> votesOf(List<Resolution> agenda, long memberId) {
        var out = new HashMap<Long, CountedVote>();
        var open = agenda.stream().filter(r -> !r.secret()).map(Resolution::id).toList();
        if (open.isEmpty()) {
            return out;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT resolution_id, choice, channel FROM resolution_vote WHERE member_id = ?1"
                + " AND resolution_id IN (" + ids(open) + ")").setParameter(1, memberId).getResultList();
        rows.forEach(x -> out.put(((Number) x[0]).longValue(), new CountedVote(memberId, String.valueOf(((Number) x[0]).longValue()),
                VoteChoice.valueOf((String) x[1]), Channel.valueOf((String) x[2]))));
        return out;
    }

    /** The declared results of the agenda by resolution id (as {@link #resultOf}), the confirmed s.111 resolutions read at once. */
    public Map<Long, ResolutionResult> resultsOf(Society society, List<Resolution> agenda) {
        var confirmed = agenda.stream().filter(r -> r.declared() && r.kind() == ResolutionKind.S111_CONFIRMATION
                && r.confirmsResolutionId() != null).map(Resolution::confirmsResolutionId).distinct().toList();
        var firsts = new HashMap<Long, Resolution>();
        if (!confirmed.isEmpty()) {
            em.createQuery("select r from Resolution r where r.id in :ids", Resolution.class).setParameter("ids", confirmed)
                    .getResultList().forEach(r -> firsts.put(r.id(), r));
        }
        var out = new HashMap<Long, ResolutionResult>();
        for (Resolution r : agenda) {
            ResolutionResult result = resultOf(society, r, firsts::get);
            if (result != null) {
                out.put(r.id(), result);
            }
        }
        return out;
    }

    private static String ids(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
    }

    // ---- proxies ----

    /**
     * A standing appointment as stored: who appointed whom, with directions by resolution id and,
     * by election id, the ballot directed in each election (as the ballot box keeps a ballot's
     * content; until used, see {@link SecretProxies}). {@code proxyCode} is set only on the
     * appointment just made, to be shown once (see {@link ProxyCodes}).
     */
    public record Appointment(long id, long memberId, Long holderMemberId, LocalDateTime lodgedAt, Map<Long, VoteChoice> directions,
            Map<Long, String> electionDirections, String proxyCode) {
        public Appointment(long id, long memberId, Long holderMemberId, LocalDateTime lodgedAt, Map<Long, VoteChoice> directions) {
            this(id, memberId, holderMemberId, lodgedAt, directions, Map.of(), null);
        }

        public ProxyHolder holder() {
            return holderMemberId == null ? ProxyHolder.chair() : ProxyHolder.member(holderMemberId);
        }
    }

    public List<Appointment> proxies(Meeting m) {
        return proxies(m, "");
    }

    /** The standing proxies as committed (a locking read), for decisions taken under the meeting's lock. */
    List<Appointment> proxiesLocked(Meeting m) {
        return proxies(m, " LOCK IN SHARE MODE");
    }

    private List<Appointment> proxies(Meeting m, String lock) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, member_id, holder_member_id, lodged_at FROM proxy_appointment"
                + " WHERE meeting_id = ?1 AND revoked_at IS NULL ORDER BY lodged_at, id" + lock).setParameter(1, m.id()).getResultList();
        var directions = new HashMap<Long, Map<Long, VoteChoice>>();
        @SuppressWarnings("unchecked")
        List<Object[]> dirs = em.createNativeQuery("SELECT d.appointment_id, d.resolution_id, d.choice FROM proxy_direction d"
                + " JOIN proxy_appointment p ON p.id = d.appointment_id WHERE p.meeting_id = ?1 AND p.revoked_at IS NULL" + lock)
                .setParameter(1, m.id()).getResultList();
        dirs.forEach(d -> directions.computeIfAbsent(((Number) d[0]).longValue(), k -> new HashMap<>())
                .put(((Number) d[1]).longValue(), VoteChoice.valueOf((String) d[2])));
        var ballots = new HashMap<Long, Map<Long, String>>();
        @SuppressWarnings("unchecked")
        List<Object[]> directed = em.createNativeQuery("SELECT d.appointment_id, d.election_id, d.content FROM proxy_election_direction d"
                + " JOIN proxy_appointment p ON p.id = d.appointment_id WHERE p.meeting_id = ?1 AND p.revoked_at IS NULL" + lock)
                .setParameter(1, m.id()).getResultList();
        directed.forEach(d -> ballots.computeIfAbsent(((Number) d[0]).longValue(), k -> new HashMap<>())
                .put(((Number) d[1]).longValue(), (String) d[2]));
        var out = new ArrayList<Appointment>();
        for (Object[] x : rows) {
            long id = ((Number) x[0]).longValue();
            out.add(new Appointment(id, ((Number) x[1]).longValue(), x[2] == null ? null : ((Number) x[2]).longValue(),
                    toLocal(x[3]), Map.copyOf(directions.getOrDefault(id, Map.of())), Map.copyOf(ballots.getOrDefault(id, Map.of())),
                    null));
        }
        return out;
    }

    public Optional<Appointment> proxyOf(Meeting m, long memberId) {
        return proxies(m).stream().filter(a -> a.memberId() == memberId).findFirst();
    }

    /** The proxy book as stored, with the society's rules, to guard a change or derive votes. */
    ProxyBook book(Society society, Meeting m, List<Appointment> standing) {
        var book = new ProxyBook(society.rules(), m.startsAt().atZone(Clocks.UK));
        for (Appointment a : standing) {
            // lodged in time when they were lodged; replayed at the deadline so a later rule change cannot void them
            book.appoint(a.memberId(), a.holder(), items(a.directions()), book.deadline());
        }
        return book;
    }

    private static Map<String, VoteChoice> items(Map<Long, VoteChoice> byResolution) {
        var map = new HashMap<String, VoteChoice>();
        byResolution.forEach((k, v) -> map.put(String.valueOf(k), v));
        return map;
    }

    /**
     * Lodges (or replaces) a member's proxy, under the society's rules: proxies allowed, before
     * the deadline, no more than the maximum per holder. The meeting row is locked so that two
     * members appointing the same holder at once cannot both take the last place.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Appointment appoint(Society society, long meetingId, long memberId, Long holderMemberId, Map<Long, VoteChoice> directions) {
        return appoint(society, meetingId, memberId, holderMemberId, directions, Map.of());
    }

    /**
     * As above, with the member's directions in the meeting's elections by election id (a blank
     * ballot: at the holder's discretion). Each is checked as a ballot is, and a bad one refuses
     * the whole appointment, naming the election.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Appointment appoint(Society society, long meetingId, long memberId, Long holderMemberId, Map<Long, VoteChoice> directions,
            Map<Long, SecretProxies.Marks> electionMarks) {
        Meeting m = meetings.locked(society, meetingId);
        if (m.state() != MeetingState.NOTICED && m.state() != MeetingState.OPEN && m.state() != MeetingState.DRAFT) {
            throw new ConflictException("holder", "The meeting is " + m.state().name().toLowerCase() + "; proxies are closed");
        }
        String why = meetings.ineligibility(m, memberId);
        if (why != null) {
            throw new InvalidInputException("member", why);
        }
        if (holderMemberId != null) {
            String holderWhy = meetings.ineligibility(m, holderMemberId);
            if (holderWhy != null) {
                throw new InvalidInputException("holder", "The proxy must be the chair or a member entitled to vote: " + holderWhy);
            }
        }
        var agenda = new HashMap<Long, Resolution>();
        meetings.resolutions(m).forEach(r -> agenda.put(r.id(), r));
        for (Long rid : directions.keySet()) {
            if (!agenda.containsKey(rid)) {
                throw new InvalidInputException("directions", "Resolution " + rid + " is not on this meeting's agenda");
            }
        }
        Map<Long, String> electionDirections = secretProxies.electionDirections(m, electionMarks);
        var standing = proxiesLocked(m);
        ProxyBook book = book(society, m, standing);
        ProxyHolder holder = holderMemberId == null ? ProxyHolder.chair() : ProxyHolder.member(holderMemberId);
        LocalDateTime now = meetings.now();
        try {
            book.appoint(memberId, holder, items(directions), now.atZone(Clocks.UK));
        } catch (ProxyRefusedException e) {
            throw new InvalidInputException("holder", e.getMessage().replace("member " + memberId, "this member")
                    .replace("Member " + memberId, "This member"));
        }
        // a proxy that has cast a secret ballot stays; otherwise its unused secret-ballot keys go with it
        secretProxies.releasing(m, memberId);
        em.createNativeQuery("UPDATE proxy_appointment SET revoked_at = ?1 WHERE meeting_id = ?2 AND member_id = ?3 AND revoked_at IS NULL")
                .setParameter(1, now).setParameter(2, m.id()).setParameter(3, memberId).executeUpdate();
        em.createNativeQuery("INSERT INTO proxy_appointment (meeting_id, member_id, holder_member_id, lodged_at) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, m.id()).setParameter(2, memberId).setParameter(3, holderMemberId).setParameter(4, now).executeUpdate();
        long id = ((Number) em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult()).longValue();
        directions.forEach((rid, choice) -> em.createNativeQuery(
                "INSERT INTO proxy_direction (appointment_id, resolution_id, choice) VALUES (?1, ?2, ?3)")
                .setParameter(1, id).setParameter(2, rid).setParameter(3, choice.name()).executeUpdate());
        // what the member's ballot in each election is to say, kept until cast (never audited)
        electionDirections.forEach((eid, content) -> em.createNativeQuery(
                "INSERT INTO proxy_election_direction (appointment_id, election_id, content) VALUES (?1, ?2, ?3)")
                .setParameter(1, id).setParameter(2, eid).setParameter(3, content).executeUpdate());
        String proxyCode = secretProxies.issueKeys(m, id);
        var after = new LinkedHashMap<String, Object>();
        after.put("meeting", m.id());
        after.put("member", memberId);
        after.put("holder", holderMemberId == null ? "chair" : holderMemberId);
        // a direction on a secret resolution is what that member's ballot will say: the trail names the item, not the choice
        var open = new HashMap<Long, VoteChoice>();
        var secret = new ArrayList<Long>();
        directions.forEach((rid, c) -> {
            if (agenda.get(rid).secret()) {
                secret.add(rid);
            } else {
                open.put(rid, c);
            }
        });
        after.put("directions", items(open));
        if (!secret.isEmpty()) {
            after.put("secretDirections", secret.stream().sorted().toList());
        }
        if (!electionDirections.isEmpty()) {
            // the elections directed, never the ballot
            after.put("electionDirections", electionDirections.keySet().stream().sorted().toList());
        }
        audit.record(society.id(), "proxy.appointed", "Meeting", m.id(), null, after);
        return new Appointment(id, memberId, holderMemberId, now, Map.copyOf(directions), Map.copyOf(electionDirections), proxyCode);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void revoke(Society society, long meetingId, long memberId) {
        Meeting m = meetings.locked(society, meetingId);
        var standing = proxiesLocked(m);
        ProxyBook book = book(society, m, standing);
        LocalDateTime now = meetings.now();
        try {
            book.revoke(memberId, now.atZone(Clocks.UK));
        } catch (ProxyRefusedException e) {
            throw new InvalidInputException("proxy", e.getMessage().replace("Member " + memberId, "This member"));
        }
        secretProxies.releasing(m, memberId);
        em.createNativeQuery("UPDATE proxy_appointment SET revoked_at = ?1 WHERE meeting_id = ?2 AND member_id = ?3 AND revoked_at IS NULL")
                .setParameter(1, now).setParameter(2, m.id()).setParameter(3, memberId).executeUpdate();
        audit.record(society.id(), "proxy.revoked", "Meeting", m.id(), Map.of("member", memberId), null);
    }

    /** How a holder (null: the chair) votes the undirected proxies they hold on a resolution. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void discretion(Society society, long meetingId, long resolutionId, Long holderMemberId, VoteChoice choice) {
        if (choice == null) {
            throw new InvalidInputException("choice", "Choose FOR, AGAINST or ABSTAIN");
        }
        Meeting m = meetings.locked(society, meetingId);
        Resolution r = meetings.lockedResolution(society, meetingId, resolutionId);
        if (!r.acceptsVotes() || m.pollClosedAt(meetings.now())) {
            throw new InvalidInputException("choice", "The poll on resolution " + r.position() + " has closed");
        }
        long key = holderMemberId == null ? 0 : holderMemberId;
        if (holderMemberId != null && proxiesLocked(m).stream().noneMatch(a -> holderMemberId.equals(a.holderMemberId()))) {
            throw new InvalidInputException("holder", "This member holds no proxies for the meeting");
        }
        em.createNativeQuery("INSERT INTO proxy_discretion (resolution_id, holder_key, choice) VALUES (?1, ?2, ?3)"
                + " ON DUPLICATE KEY UPDATE choice = VALUES(choice)")
                .setParameter(1, r.id()).setParameter(2, key).setParameter(3, choice.name()).executeUpdate();
        audit.record(society.id(), "proxy.discretion", "Resolution", r.id(), null,
                Map.of("holder", holderMemberId == null ? "chair" : holderMemberId, "choice", choice));
    }

    private Map<ProxyHolder, Map<String, VoteChoice>> discretions(Resolution r) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT holder_key, choice FROM proxy_discretion WHERE resolution_id = ?1"
                + " LOCK IN SHARE MODE")
                .setParameter(1, r.id()).getResultList();
        var map = new HashMap<ProxyHolder, Map<String, VoteChoice>>();
        rows.forEach(x -> {
            long key = ((Number) x[0]).longValue();
            map.put(key == 0 ? ProxyHolder.chair() : ProxyHolder.member(key),
                    Map.of(String.valueOf(r.id()), VoteChoice.valueOf((String) x[1])));
        });
        return map;
    }

    // ---- attendance and quorum ----

    public List<Attendance> attendance(Meeting m) {
        return em.createQuery("select a from Attendance a where a.meetingId = :m order by a.checkedInAt, a.id", Attendance.class)
                .setParameter("m", m.id()).getResultList();
    }

    /** Checks a member in: the secretary at the door (in person), or the member themselves online. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Attendance checkIn(Society society, long meetingId, long memberId, AttendanceMode mode, Long byAccount) {
        Meeting m = meetings.byId(society, meetingId);
        if (m.state() != MeetingState.OPEN) {
            throw new ConflictException("member", "Attendance is taken while the meeting is open; it is "
                    + m.state().name().toLowerCase());
        }
        if (mode == AttendanceMode.ONLINE && m.onlineLink() == null) {
            throw new InvalidInputException("mode", "This meeting is held in person only");
        }
        String why = meetings.ineligibility(m, memberId);
        if (why != null) {
            throw new InvalidInputException("member", why);
        }
        int inserted = em.createNativeQuery("INSERT IGNORE INTO attendance (meeting_id, member_id, mode, checked_in_at, checked_in_by)"
                + " VALUES (?1, ?2, ?3, ?4, ?5)").setParameter(1, m.id()).setParameter(2, memberId).setParameter(3, mode.name())
                .setParameter(4, meetings.now()).setParameter(5, byAccount).executeUpdate();
        // a locking read: the row may have been inserted by another check-in after this transaction's snapshot
        long rowId = ((Number) em.createNativeQuery("SELECT id FROM attendance WHERE meeting_id = ?1 AND member_id = ?2 FOR UPDATE")
                .setParameter(1, m.id()).setParameter(2, memberId).getSingleResult()).longValue();
        Attendance a = em.find(Attendance.class, rowId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (inserted == 1) {
            audit.record(society.id(), "meeting.checked-in", "Meeting", m.id(), null, Map.of("member", memberId, "mode", mode));
        }
        return a;
    }

    /** The live quorum: members present (in person or online), plus those present by proxy where the rules count them. */
    public Quorum quorum(Society society, Meeting m) {
        Set<Long> present = new HashSet<>();
        attendance(m).forEach(a -> present.add(a.memberId()));
        long byProxy = society.rules().proxiesAllowed()
                ? book(society, m, proxies(m)).presentByProxy(present, m.state() == MeetingState.OPEN)
                : 0;
        return Quorum.of(society.rules(), meetings.rollSize(m), present.size(), byProxy);
    }

    /**
     * Who can raise a hand now: the members checked in and the proxies held by them, read as
     * committed (locking reads, as the decision is taken under the meeting's lock while check-ins go on).
     */
    private ShowOfHands room(Society society, Meeting m) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT member_id FROM attendance WHERE meeting_id = ?1 LOCK IN SHARE MODE")
                .setParameter(1, m.id()).getResultList();
        Set<Long> present = new HashSet<>();
        ids.forEach(id -> present.add(id.longValue()));
        ProxyBook book = society.rules().proxiesAllowed() ? book(society, m, proxiesLocked(m))
                : new ProxyBook(society.rules(), m.startsAt().atZone(Clocks.UK));
        return ShowOfHands.in(society.rules(), present, book, m.state() == MeetingState.OPEN);
    }

    private void requireQuorate(Society society, Meeting m) {
        if (m.state() != MeetingState.OPEN) {
            throw new ConflictException("state", "Decisions are taken at the meeting, once it is open; it is "
                    + m.state().name().toLowerCase());
        }
        Quorum q = quorum(society, m);
        if (!q.quorate()) {
            throw new ConflictException("quorum", "The meeting is not quorate, so no decision can be taken. " + q.describe());
        }
    }

    // ---- decisions ----

    /** An ordinary resolution decided by the hands in the room. Refused while inquorate. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Resolution showOfHands(Society society, long meetingId, long resolutionId, Tally hands) {
        Meeting m = meetings.locked(society, meetingId);
        Resolution r = meetings.lockedResolution(society, meetingId, resolutionId);
        if (r.kind() != ResolutionKind.ORDINARY) {
            throw new ConflictException("kind", "Only an ordinary resolution is decided on a show of hands; a "
                    + r.kind().threshold().toLowerCase() + " needs a poll");
        }
        if (r.secret()) {
            throw new ConflictException("kind", "This resolution is decided by secret ballot, not on a show of hands");
        }
        requireQuorate(society, m);
        String miscount = room(society, m).problemWith(hands).orElse(null);
        if (miscount != null) {
            throw new InvalidInputException("votesFor", miscount);
        }
        var before = GeneralMeetings.snapshot(r);
        ResolutionResult result = Resolutions.ordinary(hands);
        GeneralMeetings.guarded(() -> r.declare(result, DecidedBy.SHOW_OF_HANDS, meetings.rollSize(m), meetings.now()));
        audit.record(society.id(), "resolution.declared", "Resolution", r.id(), before, declaration(r, result));
        return r;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Resolution demandPoll(Society society, long meetingId, long resolutionId) {
        Meeting m = meetings.locked(society, meetingId);
        Resolution r = meetings.lockedResolution(society, meetingId, resolutionId);
        if (m.pollClosedAt(meetings.now())) {
            throw new ConflictException("state", "The poll has closed; a poll can no longer be demanded");
        }
        var before = GeneralMeetings.snapshot(r);
        GeneralMeetings.guarded(r::demandPoll);
        audit.record(society.id(), "resolution.poll-demanded", "Resolution", r.id(), before, GeneralMeetings.snapshot(r));
        return r;
    }

    /**
     * Declares the poll on a resolution: members' own counted votes, then proxies for those who
     * did not vote (written down as PROXY rows), counted under the majority its kind needs.
     * Needs the poll closed, the meeting open and quorate.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ResolutionResult declare(Society society, long meetingId, long resolutionId) {
        Meeting m = meetings.locked(society, meetingId);
        Resolution r = meetings.lockedResolution(society, meetingId, resolutionId);
        LocalDateTime now = meetings.now();
        if (!m.pollClosedAt(now)) {
            throw new ConflictException("state", "Close the poll before declaring the result: votes can still be cast");
        }
        requireQuorate(society, m);
        if (r.state() != ResolutionState.PROPOSED && r.state() != ResolutionState.OPEN) {
            throw new ConflictException("state", "Resolution " + r.position() + " is already "
                    + r.state().name().toLowerCase());
        }
        Set<Long> roll = meetings.roll(m);
        if (r.secret()) {
            secretProxies.castDirectedAtDeclaration(society, m, r, roll);
            return declareSecret(society, r, roll.size(), now);
        }
        String item = String.valueOf(r.id());
        // the members' own votes, through the pure one-vote-per-member rule, then proxies where they did not vote
        Poll poll = new Poll(m.pollClosesAt().atZone(Clocks.UK).toInstant().plusNanos(1), roll);
        @SuppressWarnings("unchecked")
        List<Object[]> own = em.createNativeQuery("SELECT member_id, channel, choice, cast_at FROM resolution_vote"
                + " WHERE resolution_id = ?1 AND channel <> 'PROXY' LOCK IN SHARE MODE").setParameter(1, r.id()).getResultList();
        for (Object[] x : own) {
            long member = ((Number) x[0]).longValue();
            if (roll.contains(member)) {
                poll.submit(new Submission(member, item, Channel.valueOf((String) x[1]),
                        toLocal(x[3]).atZone(Clocks.UK).toInstant().isBefore(poll.closesAt()) ? toLocal(x[3]).atZone(Clocks.UK).toInstant()
                                : poll.closesAt().minusNanos(1),
                        VoteChoice.valueOf((String) x[2])));
            }
        }
        List<CountedVote> counted;
        try {
            // a proxy counts only if its holder is at the meeting (the chair is: the meeting is open)
            counted = Count.count(List.of(item), poll, society.rules().proxiesAllowed()
                    ? book(society, m, proxiesLocked(m)).exercisedAt(presentLocked(m), true)
                    : new ProxyBook(society.rules(), m.startsAt().atZone(Clocks.UK)), discretions(r));
        } catch (VoteRefusedException e) {
            throw new ConflictException("state", e.getMessage());
        }
        for (CountedVote v : counted) {
            if (v.channel() == Channel.PROXY) {
                // INSERT IGNORE: a member's own vote, if one is there, is the one that stands
                em.createNativeQuery("INSERT IGNORE INTO resolution_vote (resolution_id, member_id, channel, choice, cast_at, precedence,"
                        + " recorded_by) VALUES (?1, ?2, 'PROXY', ?3, ?4, ?5, 'proxy')").setParameter(1, r.id())
                        .setParameter(2, v.member()).setParameter(3, v.choice().name()).setParameter(4, m.pollClosesAt())
                        .setParameter(5, precedence(Channel.PROXY, m.pollClosesAt().atZone(Clocks.UK).toInstant())).executeUpdate();
            }
        }
        return decide(society, r, Count.tally(counted, item), roll.size(), now);
    }

    /** Who is checked in, as committed (a locking read, under the meeting's lock). */
    private Set<Long> presentLocked(Meeting m) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("SELECT member_id FROM attendance WHERE meeting_id = ?1 LOCK IN SHARE MODE")
                .setParameter(1, m.id()).getResultList();
        var present = new HashSet<Long>();
        rows.forEach(x -> present.add(((Number) x).longValue()));
        return present;
    }

    /**
     * A secret ballot: the box is sealed (its ballots can no longer change, nor be paired with
     * their voters by transaction id) and the ballots counted by content. Proxy ballots are in
     * the box already, cast by their holders during the poll or, where directed and not yet
     * cast, just now ({@link SecretProxies#castDirectedAtDeclaration}); directions left unused
     * (the member voted themselves) are deleted, since each says what one member wanted.
     */
    private ResolutionResult declareSecret(Society society, Resolution r, long entitled, LocalDateTime now) {
        var poll = BallotBox.PollRef.resolution(r.id());
        ballotBox.seal(poll);
        em.createNativeQuery("DELETE FROM proxy_direction WHERE resolution_id = ?1").setParameter(1, r.id()).executeUpdate();
        Tally tally = Tally.NONE;
        for (BallotBox.Ballot b : ballotBox.ballots(poll)) {
            tally = tally.add(VoteChoice.valueOf(b.content()));
        }
        return decide(society, r, tally, entitled, now);
    }

    private ResolutionResult decide(Society society, Resolution r, Tally tally, long entitled, LocalDateTime now) {
        ResolutionResult result = switch (r.kind()) {
            case ORDINARY -> Resolutions.ordinary(tally);
            case SPECIAL -> Resolutions.special(tally, society.rules().ruleChangeMajority());
            case S111_FIRST_MEETING -> Resolutions.s111FirstMeeting(tally);
            case S111_CONFIRMATION -> {
                Resolution first = em.find(Resolution.class, r.confirmsResolutionId());
                yield Resolutions.s111Confirmation(Resolutions.s111FirstMeeting(first.declaredTally()), tally);
            }
            case S113 -> Resolutions.s113(tally, entitled);
        };
        var before = GeneralMeetings.snapshot(r);
        GeneralMeetings.guarded(() -> r.declare(result, DecidedBy.POLL, entitled, now));
        audit.record(society.id(), "resolution.declared", "Resolution", r.id(), before, declaration(r, result));
        return result;
    }

    /** The result as declared, recomputed from the stored figures (the rules are pure, so it is the same). */
    public ResolutionResult resultOf(Society society, Resolution r) {
        return resultOf(society, r, id -> em.find(Resolution.class, id));
    }

    private static ResolutionResult resultOf(Society society, Resolution r, java.util.function.LongFunction<Resolution> byId) {
        if (!r.declared()) {
            return null;
        }
        Tally t = r.declaredTally();
        return switch (r.kind()) {
            case ORDINARY -> Resolutions.ordinary(t);
            case SPECIAL -> Resolutions.special(t, society.rules().ruleChangeMajority());
            case S111_FIRST_MEETING -> Resolutions.s111FirstMeeting(t);
            case S111_CONFIRMATION -> {
                Resolution first = r.confirmsResolutionId() == null ? null : byId.apply(r.confirmsResolutionId());
                yield first == null || first.declaredTally() == null ? Resolutions.ordinary(t)
                        : Resolutions.s111Confirmation(Resolutions.s111FirstMeeting(first.declaredTally()), t);
            }
            case S113 -> Resolutions.s113(t, r.eligible() == null ? t.participated() : r.eligible());
        };
    }

    private static Map<String, Object> declaration(Resolution r, ResolutionResult result) {
        var map = GeneralMeetings.snapshot(r);
        map.put("declaration", result.declaration());
        return map;
    }

    static LocalDateTime toLocal(Object o) {
        if (o instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime();
        }
        if (o instanceof LocalDateTime t) {
            return t;
        }
        return LocalDateTime.parse(o.toString().replace(' ', 'T'));
    }
}
