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
 * directed the vote (for, against, abstain): the ballot is then cast from the direction, and a
 * different choice from the holder is refused; otherwise the holder chooses. In an election the
 * proxy is always at the holder's discretion: the proxy form directs resolutions only, because a
 * ranking written into an appointment days ahead would be kept next to the member's name, which
 * is the link a secret ballot must not have. Once the ballot is cast the direction is deleted,
 * for the same reason. A directed ballot the holder has not cast by the declaration is cast then,
 * as directed ({@link #castDirectedAtDeclaration}).
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

    /** One secret poll of a proxy the holder holds: what the member directed, if anything, and whether they have voted. */
    public record HeldPoll(PollKind kind, long id, String title, VoteChoice direction, Channel voted, boolean covered) {
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
        VoteChoice choice = resolutionChoice(Optional.ofNullable(a.directions().get(r.id())), holderChoice, "The member");
        String receipt = box.castByProxy(society.id(), poll, memberId, takeKey(a, poll), choice.name());
        // the direction has done its work; kept, it would say what this member's ballot holds
        em.createNativeQuery("DELETE FROM proxy_direction WHERE appointment_id = ?1 AND resolution_id = ?2")
                .setParameter(1, a.id()).setParameter(2, r.id()).executeUpdate();
        recordCast(society, "Resolution", r.id(), memberId, holderMemberId);
        return receipt;
    }

    /** The holder (null: the chair, cast by the secretary) casts a member's ballot in an election, at their discretion. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String castElection(Society society, long electionId, Long holderMemberId, long memberId, List<Long> choices,
            Map<Long, Integer> ranks) {
        Election e = elections.forVoting(society, electionId);
        Member appointer = em.find(Member.class, memberId);
        Meeting m = meetings.locked(society, e.meetingId());
        var a = standing(society, m, holderMemberId, memberId);
        elections.checkEntitled(e, appointer);
        var poll = Elections.poll(e);
        refuseIfVoted(poll, memberId);
        String receipt = box.castByProxy(society.id(), poll, memberId, takeKey(a, poll), elections.content(e, choices, ranks));
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
        if (!society.rules().proxiesAllowed()) {
            return 0;
        }
        var poll = PollRef.resolution(r.id());
        int cast = 0;
        for (var a : votes.proxiesLocked(m)) {
            VoteChoice direction = a.directions().get(r.id());
            if (direction == null || !roll.contains(a.memberId()) || meetings.ineligibility(m, a.memberId()) != null
                    || box.votedByLocked(poll, a.memberId()).isPresent()) {
                continue; // the same members a holder could cast for now
            }
            byte[] key = keyFor(a, poll);
            if (key == null) {
                continue; // appointed before the resolution was put: the proxy does not cover it
            }
            box.castByProxy(society.id(), poll, a.memberId(), key, direction.name());
            deleteKey(a, poll);
            recordCast(society, "Resolution", r.id(), a.memberId(), a.holderMemberId(), true);
            cast++;
        }
        return cast;
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
        recordCast(society, type, pollId, memberId, holderMemberId, false);
    }

    private void recordCast(Society society, String type, long pollId, long memberId, Long holderMemberId, boolean atDeclaration) {
        // who and by whom, like a postal entry: never what, nor the receipt
        var after = new LinkedHashMap<String, Object>();
        after.put("member", memberId);
        after.put("holder", holderMemberId == null ? "chair" : holderMemberId);
        if (atDeclaration) {
            after.put("castAt", "declaration, as directed");
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
        var out = new ArrayList<Held>();
        for (var a : mine) {
            var items = new ArrayList<HeldPoll>();
            for (Resolution r : resolutions) {
                var p = PollRef.resolution(r.id());
                items.add(new HeldPoll(PollKind.RESOLUTION, r.id(), r.position() + ". " + r.title(), a.directions().get(r.id()),
                        box.votedBy(p, a.memberId()).orElse(null), hasKey(a, p)));
            }
            for (Election e : polls) {
                var p = Elections.poll(e);
                items.add(new HeldPoll(PollKind.ELECTION, e.id(), e.title(), null, box.votedBy(p, a.memberId()).orElse(null),
                        hasKey(a, p)));
            }
            Object[] n = names.get(a.memberId());
            out.add(new Held(a.memberId(), n == null ? null : (Long) n[0], n == null ? null : (String) n[1], items));
        }
        return out;
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
        return em.createQuery("select e from Election e where e.meetingId = :m order by e.id", Election.class)
                .setParameter("m", m.id()).getResultList();
    }
}
