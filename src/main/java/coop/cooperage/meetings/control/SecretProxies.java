package coop.cooperage.meetings.control;

import coop.cooperage.audit.control.AuditTrail;
import coop.cooperage.meetings.control.BallotBox.PollRef;
import coop.cooperage.meetings.entity.Channel;
import coop.cooperage.meetings.entity.Election;
import coop.cooperage.meetings.entity.ElectionState;
import coop.cooperage.meetings.entity.Meeting;
import coop.cooperage.meetings.entity.PollKind;
import coop.cooperage.meetings.entity.Resolution;
import coop.cooperage.meetings.entity.ResolutionState;
import coop.cooperage.meetings.entity.VoteChoice;
import coop.cooperage.members.entity.Member;
import coop.cooperage.platform.control.AccessDeniedException;
import coop.cooperage.platform.control.ConflictException;
import coop.cooperage.platform.control.InvalidInputException;
import coop.cooperage.society.entity.Society;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Proxies in secret ballots (secret resolutions and elections): the holder, the chair or a
 * member, casts in the portal the ballot of each member who appointed them and has not voted
 * themselves. Each such ballot goes into the {@link BallotBox} like a member's own: the register
 * says the member voted by PROXY, the ballot says what, and nothing stored pairs the two.
 *
 * <p><b>What the holder may put in the ballot.</b> On a secret resolution the member may have
 * directed the vote (for, against, abstain); in an election, the ballot itself (up to as many
 * candidates as seats, or a ranking), checked as a ballot is when the proxy is appointed and kept
 * in the form the box keeps a ballot. The ballot is then cast from the direction, and a different
 * choice from the holder is refused; otherwise the holder chooses. A direction says what one
 * member's ballot will hold and sits next to their name, so it is kept no longer than it must
 * be: it is deleted once the ballot is cast, when the appointment is revoked or replaced, and at
 * the declaration of the resolution or the close of the election; it never goes into the audit
 * trail (which names the item directed, not how), and officers see only that it is there. A
 * directed ballot the holder has not cast by then is cast as directed
 * ({@link #castDirectedAtDeclaration}, {@link #castDirectedAtClose}); like every secret proxy
 * ballot it does not need the holder at the meeting (an open vote's proxy does).
 *
 * <p><b>The member's own vote overrides.</b> Before the holder casts, a member who votes is in
 * the register and the holder is refused. After the holder cast, the member gives their proxy
 * code ({@link ProxyCodes}), shown to them once at appointment: it opens the proxy ballot as a
 * change code does, the ballot is replaced by the member's own and the register row becomes an
 * online vote. With the same code the member finds the proxy ballot's receipt.
 *
 * <p><b>The rules of open votes, reused.</b> The appointment is the one in the proxy book
 * ({@link MeetingVotes}): allowed by the rules, lodged before the deadline, at most the maximum
 * per holder. A proxy cannot be revoked or replaced once its holder has cast a ballot with it
 * (the ballot could not be found to take it out); the member can still vote themselves with the
 * proxy code. The chair's proxies are cast by the secretary on the chair's behalf, as the chair's
 * discretion on open votes is entered by the secretary. Proxy ballots are cast while the poll is
 * open, like online votes, so the holder need not be checked in at the meeting.
 */
@ApplicationScoped
public class SecretProxies {

    @PersistenceContext
    EntityManager em;

    @Inject
    GeneralMeetings meetings;

    @Inject
    MeetingVotes votes;

    @Inject
    Elections elections;

    @Inject
    BallotBox box;

    @Inject
    AuditTrail audit;

    /**
     * One secret poll of a proxy the holder holds: what the member directed, if anything (on a
     * resolution, the choice; in an election, the candidates' ballot names in the order of the
     * ballot, and whether it is a ranking), and whether they have voted.
     */
    public record HeldPoll(PollKind kind, long id, String title, VoteChoice direction, Channel voted, boolean covered,
            List<String> directedCandidates, boolean ranked) {
    }

    /** What a voter marked on an election ballot: ticks (plurality) or ranks by candidate id (STV); blank: nothing marked. */
    public record Marks(List<Long> choices, Map<Long, Integer> ranks) {
        public boolean blank() {
            return (choices == null || choices.isEmpty()) && (ranks == null || ranks.isEmpty());
        }
    }

    /** A member whose proxy the holder holds, with the secret polls of the meeting. */
    public record Held(long memberId, Long memberNumber, String name, List<HeldPoll> polls) {
    }

    // ---- the rules, pure ----

    /**
     * What goes into a proxy ballot on a secret resolution: the member's direction where they
     * gave one (the holder may leave the choice empty, or give the same; a different one is
     * refused), otherwise the holder's choice, which must then be made.
     */
    public static VoteChoice resolutionChoice(Optional<VoteChoice> direction, VoteChoice holderChoice, String member) {
        if (direction.isPresent()) {
            if (holderChoice != null && holderChoice != direction.get()) {
                throw new InvalidInputException("choice", member + " directed their proxy to vote "
                        + direction.get().name().toLowerCase() + " on this resolution: the ballot is cast as directed");
            }
            return direction.get();
        }
        if (holderChoice == null) {
            throw new InvalidInputException("choice", member + " left this resolution to your discretion: choose for, against or abstain");
        }
        return holderChoice;
    }

    /**
     * What goes into a proxy ballot in an election, each as the ballot box keeps a ballot: the
     * member's direction where they gave one (the holder may leave the paper blank, or mark it
     * the same; otherwise refused), otherwise the holder's marks, which must then be made.
     */
    public static String electionContent(Optional<String> direction, String holderContent, String member) {
        if (direction.isPresent()) {
            if (holderContent != null && !holderContent.equals(direction.get())) {
                throw new InvalidInputException("ballot", member + " directed their proxy how to vote in this election: the ballot"
                        + " is cast as directed (leave the paper blank to cast it)");
            }
            return direction.get();
        }
        if (holderContent == null) {
            throw new InvalidInputException("ballot", member + " left this election to your discretion: mark the ballot paper");
        }
        return holderContent;
    }

    /** Whether the appointment is held by this holder (null: the chair). */
    static boolean holds(MeetingVotes.Appointment a, Long holderMemberId) {
        return holderMemberId == null ? a.holderMemberId() == null : holderMemberId.equals(a.holderMemberId());
    }

    // ---- keys, at appointment ----

    /** The secret polls a proxy appointed now covers: the meeting's secret resolutions and elections still to be decided. */
    List<PollRef> securedPolls(Meeting m) {
        var polls = new ArrayList<PollRef>();
        for (Resolution r : meetings.resolutions(m)) {
            if (r.secret() && (r.state() == ResolutionState.PROPOSED || r.state() == ResolutionState.OPEN)) {
                polls.add(PollRef.resolution(r.id()));
            }
        }
        for (Election e : electionsOf(m)) {
            if (e.state() == ElectionState.NOMINATING || e.state() == ElectionState.OPEN) {
                polls.add(Elections.poll(e));
            }
        }
        return polls;
    }

    /** Issues the proxy code for a new appointment and keeps its public key per secret poll; null when the meeting has none. */
    @Transactional(Transactional.TxType.MANDATORY)
    String issueKeys(Meeting m, long appointmentId) {
        var polls = securedPolls(m);
        if (polls.isEmpty()) {
            return null;
        }
        String code = ProxyCodes.newCode();
        for (PollRef p : polls) {
            em.createNativeQuery("INSERT INTO proxy_ballot_key (appointment_id, poll_kind, poll_id, public_key) VALUES (?1, ?2, ?3, ?4)")
                    .setParameter(1, appointmentId).setParameter(2, p.kind().name()).setParameter(3, p.id())
                    .setParameter(4, ProxyCodes.publicKey(code, p)).executeUpdate();
        }
        return code;
    }

    /**
     * The member's directions in the meeting's elections, checked as ballots are and written as the
     * box writes a ballot, by election id; blank marks (the holder's discretion) are left out. An
     * election must be of this meeting and still taking votes or nominations (read with a share
     * lock, so a close waits for the appointment or the appointment for the close). A bad one is
     * refused naming the election; the field is {@code electionDirections.<election id>}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Map<Long, String> electionDirections(Meeting m, Map<Long, Marks> marks) {
        var out = new LinkedHashMap<Long, String>();
        if (marks == null) {
            return out;
        }
        for (var entry : new java.util.TreeMap<>(marks).entrySet()) {
            if (entry.getValue() == null || entry.getValue().blank()) {
                continue;
            }
            long id = entry.getKey();
            String field = "electionDirections." + id;
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT meeting_id, state FROM election WHERE id = ?1 LOCK IN SHARE MODE")
                    .setParameter(1, id).getResultList();
            if (rows.isEmpty() || ((Number) rows.get(0)[0]).longValue() != m.id()) {
                throw new InvalidInputException(field, "Election " + id + " is not held at this meeting");
            }
            Election e = em.find(Election.class, id);
            String state = (String) rows.get(0)[1];
            if (!ElectionState.NOMINATING.name().equals(state) && !ElectionState.OPEN.name().equals(state)) {
                throw new InvalidInputException(field, "Voting in the election \u201c" + e.title() + "\u201d has closed: a proxy can no"
                        + " longer be directed in it");
            }
            try {
                out.put(id, elections.content(e, entry.getValue().choices(), entry.getValue().ranks()));
            } catch (InvalidInputException bad) {
                throw new InvalidInputException(field, "Your direction in the election \u201c" + e.title() + "\u201d: "
                        + bad.errors().get(0).message());
            }
        }
        return out;
    }

    /**
     * Before a member's proxy is revoked or replaced (under the meeting's lock): refused once the
     * holder has cast a secret ballot with it that still stands; otherwise its unused keys go.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void releasing(Meeting m, long memberId) {
        Number cast = (Number) em.createNativeQuery("""
                SELECT COUNT(*) FROM poll_voter v WHERE v.member_id = ?1 AND v.channel = 'PROXY' AND (
                  (v.poll_kind = 'RESOLUTION' AND v.poll_id IN (SELECT id FROM resolution WHERE meeting_id = ?2))
                  OR (v.poll_kind = 'ELECTION' AND v.poll_id IN (SELECT id FROM election WHERE meeting_id = ?2)))
                LOCK IN SHARE MODE""").setParameter(1, memberId).setParameter(2, m.id()).getSingleResult();
        if (cast.longValue() > 0) {
            throw new ConflictException("proxy", "The proxy has already cast a secret ballot for this member, so it can no longer"
                    + " be revoked or replaced. The member can still vote themselves with their proxy code, which replaces that ballot.");
        }
        em.createNativeQuery("DELETE k FROM proxy_ballot_key k JOIN proxy_appointment p ON p.id = k.appointment_id"
                + " WHERE p.meeting_id = ?1 AND p.member_id = ?2 AND p.revoked_at IS NULL")
                .setParameter(1, m.id()).setParameter(2, memberId).executeUpdate();
        // and so do its directions in elections and on secret resolutions: a revoked appointment's would say what the member wanted, for nothing
        em.createNativeQuery("DELETE d FROM proxy_election_direction d JOIN proxy_appointment p ON p.id = d.appointment_id"
                + " WHERE p.meeting_id = ?1 AND p.member_id = ?2 AND p.revoked_at IS NULL")
                .setParameter(1, m.id()).setParameter(2, memberId).executeUpdate();
        em.createNativeQuery("DELETE d FROM proxy_direction d JOIN proxy_appointment p ON p.id = d.appointment_id"
                + " JOIN resolution r ON r.id = d.resolution_id"
                + " WHERE p.meeting_id = ?1 AND p.member_id = ?2 AND p.revoked_at IS NULL AND r.secret = TRUE")
                .setParameter(1, m.id()).setParameter(2, memberId).executeUpdate();
    }

    // ---- casting ----

    /** The holder (null: the chair, cast by the secretary) casts a member's ballot on a secret resolution; returns the receipt. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String castResolution(Society society, long meetingId, long resolutionId, Long holderMemberId, long memberId,
            VoteChoice holderChoice) {
        Meeting m = meetings.locked(society, meetingId);
        Resolution r = meetings.lockedResolution(society, meetingId, resolutionId);
        if (!r.secret()) {
            throw new InvalidInputException("choice", "Resolution " + r.position() + " is an open vote: its proxies are counted at"
                    + " the declaration, as directed or as the holder's discretion says");
        }
        if (!m.pollOpenAt(meetings.now())) {
            throw new InvalidInputException("choice", m.pollClosedAt(meetings.now())
                    ? "The poll closed at " + m.pollClosesAt() + "; no more votes can be taken"
                    : "Voting opens when notice of the meeting has been given");
        }
        if (!r.acceptsVotes()) {
            throw new InvalidInputException("choice", "Resolution " + r.position() + " is " + r.state().name().toLowerCase()
                    + "; it takes no more votes");
        }
        var a = standing(society, m, holderMemberId, memberId);
        String why = meetings.ineligibility(m, memberId);
        if (why != null) {
            throw new InvalidInputException("member", why);
        }
        var poll = PollRef.resolution(r.id());
        refuseIfVoted(poll, memberId);
        var direction = Optional.ofNullable(a.directions().get(r.id()));
        if (holderMemberId == null && direction.isPresent() && holderChoice != null) {
            throw chairMustNotMark();
        }
        VoteChoice choice = resolutionChoice(direction, holderChoice, "The member");
        String receipt = box.castByProxy(society.id(), poll, memberId, takeKey(a, poll), choice.name());
        // the direction has done its work; kept, it would say what this member's ballot holds
        em.createNativeQuery("DELETE FROM proxy_direction WHERE appointment_id = ?1 AND resolution_id = ?2")
                .setParameter(1, a.id()).setParameter(2, r.id()).executeUpdate();
        recordCast(society, "Resolution", r.id(), memberId, holderMemberId);
        return receipt;
    }

    /**
     * The holder (null: the chair, cast by the secretary) casts a member's ballot in an election:
     * as the member directed (the holder may leave the paper blank), or at the holder's discretion.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String castElection(Society society, long electionId, Long holderMemberId, long memberId, List<Long> choices,
            Map<Long, Integer> ranks) {
        // the meeting, then the election, as appointing and closing take them
        Meeting m = meetings.locked(society, elections.meetingOf(society, electionId));
        Election e = elections.forVoting(society, electionId);
        Member appointer = em.find(Member.class, memberId);
        var a = standing(society, m, holderMemberId, memberId);
        elections.checkEntitled(e, appointer);
        var poll = Elections.poll(e);
        refuseIfVoted(poll, memberId);
        String marked = new Marks(choices, ranks).blank() ? null : elections.content(e, choices, ranks);
        var direction = Optional.ofNullable(a.electionDirections().get(e.id()));
        if (holderMemberId == null && direction.isPresent() && marked != null) {
            throw chairMustNotMark();
        }
        String content = electionContent(direction, marked, "The member");
        String receipt = box.castByProxy(society.id(), poll, memberId, takeKey(a, poll), content);
        // the direction has done its work; kept, it would say what this member's ballot holds
        em.createNativeQuery("DELETE FROM proxy_election_direction WHERE appointment_id = ?1 AND election_id = ?2")
                .setParameter(1, a.id()).setParameter(2, e.id()).executeUpdate();
        recordCast(society, "Election", e.id(), memberId, holderMemberId);
        return receipt;
    }

    /**
     * At the declaration of a secret resolution, under the meeting's and the resolution's locks and
     * before the box is sealed: casts as directed the ballot of each member whose standing proxy
     * directed this resolution, for whom nobody has voted, and for whom the holder could still cast
     * (on the roll, not ceased). The holder has no choice to make on a directed item, so a holder who
     * never acted does not lose the member's vote; like every secret proxy ballot, it does not need
     * the holder at the meeting (an open vote's proxy does). These ballots go in together in the
     * declaring transaction and are sealed at once, like any other. Returns how many were cast.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    int castDirectedAtDeclaration(Society society, Meeting m, Resolution r, Set<Long> roll) {
        return castDirected(society, m, PollRef.resolution(r.id()), "Resolution",
                a -> a.directions().containsKey(r.id()) ? a.directions().get(r.id()).name() : null,
                member -> roll.contains(member) && meetings.ineligibility(m, member) == null,
                "declaration, as directed");
    }

    /**
     * At the close of an election, under the election's lock (which every vote in it takes shared,
     * so none is in flight) and before its box is sealed: casts as directed the ballot of each
     * member entitled to vote whose standing proxy directed this election and for whom nobody has
     * voted, as {@link #castDirectedAtDeclaration} does for a secret resolution; then deletes every
     * direction left for the election (the member voted themselves, or the proxy did not cover it).
     * Returns how many were cast.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int castDirectedAtClose(Society society, Election e) {
        int cast = castDirected(society, em.find(Meeting.class, e.meetingId()), Elections.poll(e), "Election",
                a -> a.electionDirections().get(e.id()), member -> {
                    Member voter = em.find(Member.class, member);
                    return voter != null && elections.entitled(e, voter);
                }, "close of the poll, as directed");
        em.createNativeQuery("DELETE FROM proxy_election_direction WHERE election_id = ?1").setParameter(1, e.id()).executeUpdate();
        return cast;
    }

    /**
     * Casts the directed ballots (content by appointment; null: not directed) of the standing
     * proxies of members entitled and not yet voted in the poll, where the proxy covers it.
     */
    private int castDirected(Society society, Meeting m, PollRef poll, String type,
            java.util.function.Function<MeetingVotes.Appointment, String> directed, java.util.function.LongPredicate entitled,
            String castAt) {
        if (!society.rules().proxiesAllowed()) {
            return 0;
        }
        int cast = 0;
        for (var a : votes.proxiesLocked(m)) {
            String content = directed.apply(a);
            if (content == null || !entitled.test(a.memberId()) || box.votedByLocked(poll, a.memberId()).isPresent()) {
                continue;
            }
            byte[] key = keyFor(a, poll);
            if (key == null) {
                continue; // appointed before the poll was put: the proxy does not cover it
            }
            box.castByProxy(society.id(), poll, a.memberId(), key, content);
            deleteKey(a, poll);
            recordCast(society, type, poll.id(), a.memberId(), a.holderMemberId(), castAt);
            cast++;
        }
        return cast;
    }

    /**
     * The secretary casts the chair's proxies without seeing their directions: marks on a directed
     * ballot are refused whatever they are, so trying marks one by one cannot find the direction out.
     */
    private static InvalidInputException chairMustNotMark() {
        return new InvalidInputException("ballot", "The member directed this proxy: cast it as directed, without marking"
                + " the ballot (the direction is not shown to officers)");
    }

    private MeetingVotes.Appointment standing(Society society, Meeting m, Long holderMemberId, long memberId) {
        if (!society.rules().proxiesAllowed()) {
            throw new InvalidInputException("holder", "The society's rules do not allow proxies");
        }
        return votes.proxiesLocked(m).stream().filter(a -> a.memberId() == memberId && holds(a, holderMemberId)).findFirst()
                .orElseThrow(() -> new AccessDeniedException(holderMemberId == null
                        ? "The chair does not hold this member's proxy for the meeting"
                        : "You do not hold this member's proxy for the meeting"));
    }

    private void refuseIfVoted(PollRef poll, long memberId) {
        box.votedBy(poll, memberId).ifPresent(c -> {
            throw new ConflictException("ballot", c == Channel.PROXY
                    ? "You have already cast this member's ballot by proxy in this poll."
                    : "This member has voted themselves, and their own vote overrides their proxy: there is no proxy ballot to cast.");
        });
    }

    /** The appointment's public key for the poll, deleted once the ballot locked for it is cast. */
    private byte[] takeKey(MeetingVotes.Appointment a, PollRef poll) {
        byte[] key = keyFor(a, poll);
        if (key == null) {
            throw new ConflictException("ballot", "This proxy was appointed before this poll was put to the members, so it does not"
                    + " cover it: the member can vote themselves.");
        }
        deleteKey(a, poll);
        return key;
    }

    /** The appointment's public key for the poll (locked), or null when the proxy does not cover it. */
    private byte[] keyFor(MeetingVotes.Appointment a, PollRef poll) {
        @SuppressWarnings("unchecked")
        List<Object> keys = em.createNativeQuery("SELECT public_key FROM proxy_ballot_key WHERE appointment_id = ?1 AND poll_kind = ?2"
                + " AND poll_id = ?3 FOR UPDATE").setParameter(1, a.id()).setParameter(2, poll.kind().name())
                .setParameter(3, poll.id()).getResultList();
        return keys.isEmpty() ? null : (byte[]) keys.get(0);
    }

    private void deleteKey(MeetingVotes.Appointment a, PollRef poll) {
        em.createNativeQuery("DELETE FROM proxy_ballot_key WHERE appointment_id = ?1 AND poll_kind = ?2 AND poll_id = ?3")
                .setParameter(1, a.id()).setParameter(2, poll.kind().name()).setParameter(3, poll.id()).executeUpdate();
    }

    private void recordCast(Society society, String type, long pollId, long memberId, Long holderMemberId) {
        recordCast(society, type, pollId, memberId, holderMemberId, null);
    }

    private void recordCast(Society society, String type, long pollId, long memberId, Long holderMemberId, String castAt) {
        // who and by whom, like a postal entry: never what, nor the receipt
        var after = new LinkedHashMap<String, Object>();
        after.put("member", memberId);
        after.put("holder", holderMemberId == null ? "chair" : holderMemberId);
        if (castAt != null) {
            after.put("castAt", castAt);
        }
        audit.record(society.id(), "proxy.secret-ballot-cast", type, pollId, null, after);
    }

    // ---- what the holder and the member see ----

    /** The proxies the holder (null: the chair) holds for the meeting, with each secret poll's state for that member. */
    public List<Held> held(Society society, Meeting m, Long holderMemberId) {
        var mine = votes.proxies(m).stream().filter(a -> holds(a, holderMemberId)).toList();
        if (mine.isEmpty()) {
            return List.of();
        }
        var names = meetings.memberNames(society, mine.stream().map(MeetingVotes.Appointment::memberId).toList());
        var resolutions = meetings.resolutions(m).stream().filter(Resolution::secret).toList();
        var polls = electionsOf(m);
        var candidateNames = new java.util.HashMap<Long, String>();
        polls.forEach(e -> elections.candidates(e).forEach(c -> candidateNames.put(c.id(), c.ballotName())));
        var out = new ArrayList<Held>();
        for (var a : mine) {
            var items = new ArrayList<HeldPoll>();
            for (Resolution r : resolutions) {
                var p = PollRef.resolution(r.id());
                items.add(new HeldPoll(PollKind.RESOLUTION, r.id(), r.position() + ". " + r.title(), a.directions().get(r.id()),
                        box.votedBy(p, a.memberId()).orElse(null), hasKey(a, p), null, false));
            }
            for (Election e : polls) {
                var p = Elections.poll(e);
                items.add(new HeldPoll(PollKind.ELECTION, e.id(), e.title(), null, box.votedBy(p, a.memberId()).orElse(null),
                        hasKey(a, p), directedCandidates(e, a.electionDirections().get(e.id()), candidateNames),
                        e.method() != CountMethod.PLURALITY));
            }
            Object[] n = names.get(a.memberId());
            out.add(new Held(a.memberId(), n == null ? null : (Long) n[0], n == null ? null : (String) n[1], items));
        }
        return out;
    }

    /** The direction the member gave the holder in the election, as ballot names in the ballot's order; null: none. */
    private static List<String> directedCandidates(Election e, String content, Map<Long, String> names) {
        return content == null ? null : BallotPaper.decode(content).stream().map(id -> names.getOrDefault(id, "candidate " + id)).toList();
    }

    /**
     * The direction the member gave the holder (null: the chair) in the election, as ballot names
     * in the ballot's order; empty when the holder does not hold it or it is at their discretion.
     */
    public Optional<List<String>> electionDirection(Election e, Long holderMemberId, long memberId) {
        Meeting m = em.find(Meeting.class, e.meetingId());
        var names = new java.util.HashMap<Long, String>();
        elections.candidates(e).forEach(c -> names.put(c.id(), c.ballotName()));
        return votes.proxies(m).stream().filter(a -> a.memberId() == memberId && holds(a, holderMemberId))
                .map(a -> a.electionDirections().get(e.id())).filter(java.util.Objects::nonNull).findFirst()
                .map(content -> directedCandidates(e, content, names));
    }

    private boolean hasKey(MeetingVotes.Appointment a, PollRef p) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM proxy_ballot_key WHERE appointment_id = ?1 AND poll_kind = ?2"
                + " AND poll_id = ?3").setParameter(1, a.id()).setParameter(2, p.kind().name()).setParameter(3, p.id())
                .getSingleResult()).longValue() > 0;
    }

    /**
     * The receipts of the ballots a proxy cast for the member in the meeting's secret polls,
     * found with the member's proxy code (nothing stored leads there otherwise), by poll title.
     */
    public Map<String, String> receipts(Meeting m, String proxyCode) {
        if (ReceiptCodes.normaliseChangeCode(proxyCode) == null) {
            throw new InvalidInputException("proxyCode", "Enter the proxy code you were shown when you appointed your proxy (20 letters and digits)");
        }
        var out = new LinkedHashMap<String, String>();
        for (Resolution r : meetings.resolutions(m)) {
            if (r.secret()) {
                box.proxyReceipt(PollRef.resolution(r.id()), proxyCode).ifPresent(x -> out.put(r.position() + ". " + r.title(), x));
            }
        }
        for (Election e : electionsOf(m)) {
            box.proxyReceipt(Elections.poll(e), proxyCode).ifPresent(x -> out.put(e.title(), x));
        }
        return out;
    }

    private List<Election> electionsOf(Meeting m) {
        return elections.ofMeeting(m);
    }
}
