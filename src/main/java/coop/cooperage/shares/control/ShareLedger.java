package coop.cooperage.shares.control;

import coop.cooperage.members.entity.Member;
import coop.cooperage.money.Money;
import coop.cooperage.platform.control.NoSuchResourceException;
import coop.cooperage.shares.entity.Holding;
import coop.cooperage.shares.entity.HoldingLimits;
import coop.cooperage.shares.entity.ShareEntry;
import coop.cooperage.shares.entity.ShareEntryKind;
import coop.cooperage.society.entity.Society;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The share ledger: entries are appended, never changed; a holding is the sum of a member's
 * entries. Every append locks the member's holding, checks the entry against
 * {@link HoldingLimits} (never below zero, never above the cap unless a registered society) and
 * moves the member's {@code share_holding} row in the same transaction, where the database
 * refuses a negative holding too. A refused entry writes nothing.
 */
@ApplicationScoped
public class ShareLedger {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public ShareEntry append(long societyId, long memberId, ShareEntryKind kind, long shares, Money amount, LocalDate on,
            String reference) {
        Holding current = lock(societyId, memberId);
        Member member = em.find(Member.class, memberId);
        Society society = em.find(Society.class, societyId);
        Holding next = HoldingLimits.of(society.rules(), member.isRegisteredSociety()).apply(current, shares, amount.pence());
        var entry = new ShareEntry(societyId, memberId, kind, shares, amount.pence(), on, reference, LocalDateTime.now(clock));
        em.persist(entry);
        em.createNativeQuery("UPDATE share_holding SET shares = ?1, amount_pence = ?2 WHERE member_id = ?3")
                .setParameter(1, next.shares()).setParameter(2, next.amountPaid().pence()).setParameter(3, memberId).executeUpdate();
        return entry;
    }

    /**
     * Locks the member's holding until the transaction ends and returns it as it stands (all
     * entries, whatever their date). Everything that changes or reserves a holding (appends,
     * withdrawal requests and approvals, deaths, transfers) takes this lock first, so two of them
     * for one member run one after the other. The member row is locked first (it always exists,
     * and a record lock on it takes no gap lock); the holding row is then created if missing,
     * which no one else can be doing for this member, and read with a locking read, which sees
     * the latest committed value rather than the transaction's snapshot.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Holding lock(long societyId, long memberId) {
        List<?> member = em.createNativeQuery("SELECT id FROM member WHERE id = ?1 AND society_id = ?2 FOR UPDATE")
                .setParameter(1, memberId).setParameter(2, societyId).getResultList();
        if (member.isEmpty()) {
            throw new NoSuchResourceException("No such member");
        }
        if (em.createNativeQuery("SELECT 1 FROM share_holding WHERE member_id = ?1").setParameter(1, memberId).getResultList().isEmpty()) {
            em.createNativeQuery("INSERT IGNORE INTO share_holding (member_id, society_id, shares, amount_pence) VALUES (?1, ?2, 0, 0)")
                    .setParameter(1, memberId).setParameter(2, societyId).executeUpdate();
        }
        Object[] row = (Object[]) em.createNativeQuery("SELECT shares, amount_pence FROM share_holding WHERE member_id = ?1 FOR UPDATE")
                .setParameter(1, memberId).getSingleResult();
        return new Holding(((Number) row[0]).longValue(), Money.ofPence(((Number) row[1]).longValue()));
    }

    public Holding holding(long societyId, long memberId, LocalDate asAt) {
        Object[] row = (Object[]) em.createQuery("select coalesce(sum(e.shares), 0), coalesce(sum(e.amountPence), 0) from ShareEntry e"
                + " where e.societyId = :s and e.memberId = :m and e.entryDate <= :d")
                .setParameter("s", societyId).setParameter("m", memberId).setParameter("d", asAt).getSingleResult();
        return new Holding(((Number) row[0]).longValue(), Money.ofPence(((Number) row[1]).longValue()));
    }

    /** The holding with every entry, whatever its date (what the member holds now, entries dated ahead included). */
    public Holding current(long societyId, long memberId) {
        Object[] row = (Object[]) em.createQuery("select coalesce(sum(e.shares), 0), coalesce(sum(e.amountPence), 0) from ShareEntry e"
                + " where e.societyId = :s and e.memberId = :m")
                .setParameter("s", societyId).setParameter("m", memberId).getSingleResult();
        return new Holding(((Number) row[0]).longValue(), Money.ofPence(((Number) row[1]).longValue()));
    }

    /** Holdings of many members at once (one query), for the register. */
    public Map<Long, Holding> holdings(long societyId, List<Long> memberIds, LocalDate asAt) {
        var result = new HashMap<Long, Holding>();
        if (memberIds.isEmpty()) {
            return result;
        }
        List<Object[]> rows = em.createQuery("select e.memberId, sum(e.shares), sum(e.amountPence) from ShareEntry e"
                + " where e.societyId = :s and e.memberId in :ids and e.entryDate <= :d group by e.memberId", Object[].class)
                .setParameter("s", societyId).setParameter("ids", memberIds).setParameter("d", asAt).getResultList();
        for (Object[] r : rows) {
            result.put(((Number) r[0]).longValue(), new Holding(((Number) r[1]).longValue(), Money.ofPence(((Number) r[2]).longValue())));
        }
        return result;
    }

    /** The society's share capital as at a date: the sum of every member's entries up to it. */
    public Holding capital(long societyId, LocalDate asAt) {
        Object[] row = (Object[]) em.createQuery("select coalesce(sum(e.shares), 0), coalesce(sum(e.amountPence), 0) from ShareEntry e"
                + " where e.societyId = :s and e.entryDate <= :d")
                .setParameter("s", societyId).setParameter("d", asAt).getSingleResult();
        return new Holding(((Number) row[0]).longValue(), Money.ofPence(((Number) row[1]).longValue()));
    }

    /** The sum of the holding rows: equals {@link #capital} over all dates, which the tests check. */
    public Holding capitalHeld(long societyId) {
        Object[] row = (Object[]) em.createNativeQuery("SELECT COALESCE(SUM(shares), 0), COALESCE(SUM(amount_pence), 0) FROM share_holding"
                + " WHERE society_id = ?1").setParameter(1, societyId).getSingleResult();
        return new Holding(((Number) row[0]).longValue(), Money.ofPence(((Number) row[1]).longValue()));
    }

    public List<ShareEntry> statement(long societyId, long memberId) {
        return em.createQuery("select e from ShareEntry e where e.societyId = :s and e.memberId = :m order by e.entryDate, e.id",
                ShareEntry.class).setParameter("s", societyId).setParameter("m", memberId).getResultList();
    }
}
