package coop.cooperage.meetings.control;

import coop.cooperage.meetings.entity.Channel;
import coop.cooperage.meetings.entity.PollKind;
import coop.cooperage.platform.control.ConflictException;
import coop.cooperage.platform.control.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The secret ballot box of one poll (a secret resolution or an election): a register of who
 * voted, kept apart from the ballots, with nothing stored that links the two.
 *
 * <ul>
 * <li>{@code poll_voter}: member, channel, time; its primary key (poll, member) is the
 * one-vote-per-member constraint, so 50 simultaneous submissions by one member leave one row.
 * <li>{@code ballot}: content, receipt code, hash of a change code; random id, no member, no
 * time, no foreign key. Rows come back in receipt order (random), never in casting order.
 * </ul>
 *
 * <p><b>Changing an online vote.</b> The voter is shown two codes once: the receipt (published
 * after the close) and a change code whose SHA-256 alone is stored in the ballot row. To change
 * the vote before the close, the member presents the change code: the ballot with that hash is
 * deleted and the new ballot put in with new codes, in one transaction that also locks the
 * member's register row (so concurrent changes by one member serialise). The register row must
 * say ONLINE: a postal or in-person vote cannot be changed, and nobody can use a change code
 * without having voted online in that poll. A lost change code cannot be recovered: nothing
 * else says which ballot was the member's, which is the point.
 *
 * <p><b>Channels.</b> The first vote recorded for a member stands, whatever its channel: a
 * postal paper for a member who already voted online is refused, because finding the online
 * ballot to replace it would need the link this design refuses to keep. (Open votes follow
 * {@link coop.cooperage.meetings.entity.Poll}'s channel precedence; secret ones cannot.)
 *
 * <p><b>What else could link them.</b> Every vote writes both rows in one transaction, and InnoDB
 * stamps each row with its transaction id; {@link #seal} rewrites all the poll's ballots in one
 * statement at the close so that stamp no longer matches. Votes are not written to the audit
 * trail (the register is the record; the secretary's postal entries are audited with the member
 * but never the content or receipt), nor logged, nor sent by mail. Left outside our control: a
 * database binary log or general query log, if the operator turns one on, records statements in
 * order; someone watching the database live can see which rows appear together.
 *
 * <p><b>Proxies.</b> A proxy holder casts the ballot of a member who appointed them
 * ({@link #castByProxy}, through {@link SecretProxies}): the register says PROXY and the ballot
 * carries a lock that only the member's proxy code opens ({@link ProxyCodes}: public-key
 * encryption with a fresh key per ballot, so the lock does not say whose it is). The member's own vote overrides: before the holder casts, the holder is refused; after,
 * the member gives the proxy code as the change code and their ballot replaces the proxy's.
 *
 * <p>Callers check the poll is open, the member is entitled and the content is valid, then call
 * here in their transaction.
 */
@ApplicationScoped
public class BallotBox {

    /** One poll: a resolution or an election, by its id. */
    public record PollRef(PollKind kind, long id) {
        public PollRef {
            Objects.requireNonNull(kind, "kind");
        }

        public static PollRef election(long id) {
            return new PollRef(PollKind.ELECTION, id);
        }

        public static PollRef resolution(long id) {
            return new PollRef(PollKind.RESOLUTION, id);
        }
    }

    /** Shown to the voter once: the receipt to look for after the close, the code to change the vote. */
    public record Receipt(String receipt, String changeCode) {
    }

    /** A counted ballot as published: its receipt and content, with nothing about who cast it. */
    public record Ballot(String receipt, String content) {
    }

    public static final int MAX_CONTENT = 2000;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * Records that the member voted and puts their ballot in the box. Refused (409, nothing
     * written) if the member has already voted in this poll by any channel.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Receipt cast(long societyId, PollRef poll, long memberId, Channel channel, String content) {
        checkContent(content);
        // INSERT IGNORE: a concurrent first vote by the same member waits for the other to commit
        // and then inserts nothing, so exactly one of them goes on to put a ballot in.
        int inserted = em.createNativeQuery("""
                INSERT IGNORE INTO poll_voter (society_id, poll_kind, poll_id, member_id, channel, voted_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, societyId).setParameter(2, poll.kind().name()).setParameter(3, poll.id())
                .setParameter(4, memberId).setParameter(5, channel.name()).setParameter(6, now())
                .executeUpdate();
        if (inserted == 0) {
            // a locking read: a plain one reads this transaction's snapshot, which may predate the
            // concurrent vote that just won
            @SuppressWarnings("unchecked")
            List<Object> rows = em.createNativeQuery("SELECT channel FROM poll_voter"
                    + " WHERE poll_kind = ?1 AND poll_id = ?2 AND member_id = ?3 LOCK IN SHARE MODE")
                    .setParameter(1, poll.kind().name()).setParameter(2, poll.id()).setParameter(3, memberId).getResultList();
            var already = rows.stream().findFirst().map(c -> Channel.valueOf((String) c));
            if (already.isEmpty()) {
                throw new IllegalStateException("Could not record member " + memberId + " as having voted");
            }
            throw new ConflictException("ballot", already.get() == Channel.ONLINE && channel == Channel.ONLINE
                    ? "You have already voted. To change your vote, give the change code you were shown."
                    : already.get() == Channel.PROXY && channel == Channel.ONLINE
                    ? "Your proxy has already voted for you in this poll. To vote yourself instead, give the proxy code you were"
                            + " shown when you appointed them: your vote then replaces theirs."
                    : "This member has already voted (" + describe(already.get()) + "); one member, one vote.");
        }
        return insertBallot(societyId, poll, content);
    }

    /**
     * A proxy holder casts the ballot of the member who appointed them: the register says PROXY,
     * and the ballot carries a lock made for the public key kept for this poll with the appointment
     * (see {@link ProxyCodes}), so only the member, with their proxy code, can later find and replace
     * it; its change hash is of a code nobody is shown. Refused (409, nothing written) if the member has already voted by any channel, the
     * member's own vote standing over their proxy.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String castByProxy(long societyId, PollRef poll, long memberId, byte[] publicKey, String content) {
        checkContent(content);
        int inserted = em.createNativeQuery("""
                INSERT IGNORE INTO poll_voter (society_id, poll_kind, poll_id, member_id, channel, voted_at)
                VALUES (?1, ?2, ?3, ?4, 'PROXY', ?5)""")
                .setParameter(1, societyId).setParameter(2, poll.kind().name()).setParameter(3, poll.id())
                .setParameter(4, memberId).setParameter(5, now())
                .executeUpdate();
        if (inserted == 0) {
            var already = votedByLocked(poll, memberId).orElseThrow(
                    () -> new IllegalStateException("Could not record member " + memberId + " as having voted"));
            throw new ConflictException("ballot", already == Channel.PROXY
                    ? "You have already cast this member's ballot by proxy in this poll."
                    : "This member has voted themselves (" + describe(already) + "), and their own vote overrides their"
                            + " proxy: there is no proxy ballot to cast.");
        }
        byte[] id = ReceiptCodes.ballotId();
        return insertBallot(id, societyId, poll, content, ReceiptCodes.hash(ReceiptCodes.changeCode()),
                ProxyCodes.lock(publicKey, id)).receipt();
    }

    /**
     * Replaces the member's online ballot with a new one. The change code proves which ballot is
     * theirs; the old ballot is deleted and the new one gets new codes. Refused, changing nothing,
     * when the member has not voted online here or the code matches no ballot of this poll.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Receipt change(long societyId, PollRef poll, long memberId, String changeCode, String content) {
        checkContent(content);
        @SuppressWarnings("unchecked")
        List<Object> channel = em.createNativeQuery("""
                SELECT channel FROM poll_voter WHERE poll_kind = ?1 AND poll_id = ?2 AND member_id = ?3 FOR UPDATE""")
                .setParameter(1, poll.kind().name()).setParameter(2, poll.id()).setParameter(3, memberId).getResultList();
        if (channel.isEmpty()) {
            throw new InvalidInputException("changeCode", "You have not voted yet, so there is no vote to change.");
        }
        if (Channel.PROXY.name().equals(channel.get(0))) {
            return overrideProxy(societyId, poll, memberId, changeCode, content);
        }
        if (!Channel.ONLINE.name().equals(channel.get(0))) {
            throw new ConflictException("changeCode", "Only an online vote can be changed; yours was recorded "
                    + describe(Channel.valueOf((String) channel.get(0))) + ".");
        }
        String code = ReceiptCodes.normaliseChangeCode(changeCode);
        int deleted = code == null ? 0 : em.createNativeQuery("""
                DELETE FROM ballot WHERE poll_kind = ?1 AND poll_id = ?2 AND change_hash = ?3 AND sealed = FALSE""")
                .setParameter(1, poll.kind().name()).setParameter(2, poll.id()).setParameter(3, ReceiptCodes.hash(code))
                .executeUpdate();
        if (deleted == 0) {
            throw new InvalidInputException("changeCode",
                    "That change code does not match a ballot in this poll (it may already have been used to change your vote).");
        }
        em.createNativeQuery("UPDATE poll_voter SET changed_at = ?1 WHERE poll_kind = ?2 AND poll_id = ?3 AND member_id = ?4")
                .setParameter(1, now()).setParameter(2, poll.kind().name()).setParameter(3, poll.id()).setParameter(4, memberId)
                .executeUpdate();
        return insertBallot(societyId, poll, content);
    }

    /**
     * The member votes themselves after their proxy did: the proxy code opens the lock of the
     * proxy ballot, which is taken out, and the member's own ballot goes in with new codes.
     * The register row becomes the member's own online vote. The caller holds the row lock.
     */
    private Receipt overrideProxy(long societyId, PollRef poll, long memberId, String proxyCode, String content) {
        byte[] opened = proxyBallot(poll, proxyCode, true).map(row -> (byte[]) row[0]).orElse(null);
        int deleted = opened == null ? 0 : em.createNativeQuery("DELETE FROM ballot WHERE id = ?1 AND sealed = FALSE")
                .setParameter(1, opened).executeUpdate();
        if (deleted == 0) {
            throw new InvalidInputException("changeCode",
                    "Your proxy has voted for you in this poll; to vote yourself instead, give the proxy code you were shown when"
                            + " you appointed them. That code does not match their ballot.");
        }
        em.createNativeQuery("UPDATE poll_voter SET channel = 'ONLINE', changed_at = ?1 WHERE poll_kind = ?2 AND poll_id = ?3"
                + " AND member_id = ?4")
                .setParameter(1, now()).setParameter(2, poll.kind().name()).setParameter(3, poll.id()).setParameter(4, memberId)
                .executeUpdate();
        return insertBallot(societyId, poll, content);
    }

    /**
     * The receipt of the ballot a proxy holder cast for the member, found with the member's proxy
     * code (nothing else leads to it); empty when no such ballot is in the box.
     */
    public Optional<String> proxyReceipt(PollRef poll, String proxyCode) {
        return proxyBallot(poll, proxyCode, false).map(row -> (String) row[2]);
    }

    /**
     * The proxy ballot of the poll whose lock the code opens (id, lock, receipt), tried one lock at a
     * time: a lock does not say whose it is. A poll holds as many locks as proxy ballots, a few.
     */
    private Optional<Object[]> proxyBallot(PollRef poll, String proxyCode, boolean forUpdate) {
        if (ReceiptCodes.normaliseChangeCode(proxyCode) == null) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, proxy_lock, receipt FROM ballot WHERE poll_kind = ?1 AND poll_id = ?2"
                + " AND proxy_lock IS NOT NULL" + (forUpdate ? " AND sealed = FALSE FOR UPDATE" : ""))
                .setParameter(1, poll.kind().name()).setParameter(2, poll.id()).getResultList();
        return rows.stream().filter(row -> ProxyCodes.opens(proxyCode, poll, (byte[]) row[1], (byte[]) row[0])).findFirst();
    }

    Optional<Channel> votedByLocked(PollRef poll, long memberId) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("SELECT channel FROM poll_voter"
                + " WHERE poll_kind = ?1 AND poll_id = ?2 AND member_id = ?3 LOCK IN SHARE MODE")
                .setParameter(1, poll.kind().name()).setParameter(2, poll.id()).setParameter(3, memberId).getResultList();
        return rows.stream().findFirst().map(c -> Channel.valueOf((String) c));
    }

    private Receipt insertBallot(long societyId, PollRef poll, String content) {
        String changeCode = ReceiptCodes.changeCode();
        return new Receipt(insertBallot(societyId, poll, content, ReceiptCodes.hash(changeCode)).receipt(), changeCode);
    }

    private Receipt insertBallot(long societyId, PollRef poll, String content, byte[] changeHash) {
        return insertBallot(ReceiptCodes.ballotId(), societyId, poll, content, changeHash, null);
    }

    private Receipt insertBallot(byte[] id, long societyId, PollRef poll, String content, byte[] changeHash, byte[] proxyLock) {
        String receipt = ReceiptCodes.receipt();
        em.createNativeQuery("""
                INSERT INTO ballot (id, society_id, poll_kind, poll_id, receipt, change_hash, content, proxy_lock)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                .setParameter(1, id).setParameter(2, societyId).setParameter(3, poll.kind().name())
                .setParameter(4, poll.id()).setParameter(5, receipt).setParameter(6, changeHash)
                .setParameter(7, content).setParameter(8, proxyLock)
                .executeUpdate();
        return new Receipt(receipt, null);
    }

    /** How the member voted in this poll (the channel only), if they did. */
    public Optional<Channel> votedBy(PollRef poll, long memberId) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("SELECT channel FROM poll_voter WHERE poll_kind = ?1 AND poll_id = ?2 AND member_id = ?3")
                .setParameter(1, poll.kind().name()).setParameter(2, poll.id()).setParameter(3, memberId).getResultList();
        return rows.stream().findFirst().map(c -> Channel.valueOf((String) c));
    }

    /** How many members voted, by channel. */
    public Map<Channel, Long> turnout(PollRef poll) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT channel, COUNT(*) FROM poll_voter WHERE poll_kind = ?1 AND poll_id = ?2 GROUP BY channel""")
                .setParameter(1, poll.kind().name()).setParameter(2, poll.id()).getResultList();
        var turnout = new EnumMap<Channel, Long>(Channel.class);
        for (Object[] row : rows) {
            turnout.put(Channel.valueOf((String) row[0]), ((Number) row[1]).longValue());
        }
        return turnout;
    }

    public long voters(PollRef poll) {
        return turnout(poll).values().stream().mapToLong(Long::longValue).sum();
    }

    /** The ballots in the box, in receipt order (random, unrelated to when they were cast). */
    public List<Ballot> ballots(PollRef poll) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT receipt, content FROM ballot WHERE poll_kind = ?1 AND poll_id = ?2 ORDER BY receipt""")
                .setParameter(1, poll.kind().name()).setParameter(2, poll.id()).getResultList();
        return rows.stream().map(r -> new Ballot((String) r[0], (String) r[1])).toList();
    }

    /** The published list: every counted ballot's receipt, sorted. */
    public List<String> receipts(PollRef poll) {
        return ballots(poll).stream().map(Ballot::receipt).toList();
    }

    /**
     * At the close: rewrites every ballot of the poll in one statement, so no ballot row still
     * carries the id of the transaction that also wrote its voter's register row. After this the
     * ballots can no longer be changed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void seal(PollRef poll) {
        em.createNativeQuery("UPDATE ballot SET sealed = TRUE WHERE poll_kind = ?1 AND poll_id = ?2")
                .setParameter(1, poll.kind().name()).setParameter(2, poll.id()).executeUpdate();
        // proxy keys not used by now open nothing any more
        em.createNativeQuery("DELETE FROM proxy_ballot_key WHERE poll_kind = ?1 AND poll_id = ?2")
                .setParameter(1, poll.kind().name()).setParameter(2, poll.id()).executeUpdate();
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private static void checkContent(String content) {
        if (content == null || content.isBlank() || content.length() > MAX_CONTENT) {
            throw new InvalidInputException("ballot", "The ballot is empty or too long.");
        }
    }

    private static String describe(Channel channel) {
        return switch (channel) {
            case ONLINE -> "online";
            case POSTAL -> "by post";
            case IN_PERSON -> "in person";
            case PROXY -> "by proxy";
        };
    }
}
