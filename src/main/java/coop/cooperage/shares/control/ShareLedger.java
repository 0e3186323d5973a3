package coop.cooperage.shares.control;

import coop.cooperage.money.Money;
import coop.cooperage.shares.entity.Holding;
import coop.cooperage.shares.entity.ShareEntry;
import coop.cooperage.shares.entity.ShareEntryKind;
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

/** The share ledger: entries are appended, holdings are summed, never stored. */
@ApplicationScoped
public class ShareLedger {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public ShareEntry append(long societyId, long memberId, ShareEntryKind kind, long shares, Money amount, LocalDate on,
            String reference) {
        var entry = new ShareEntry(societyId, memberId, kind, shares, amount.pence(), on, reference, LocalDateTime.now(clock));
        em.persist(entry);
        return entry;
    }

    public Holding holding(long societyId, long memberId, LocalDate asAt) {
        Object[] row = (Object[]) em.createQuery("select coalesce(sum(e.shares), 0), coalesce(sum(e.amountPence), 0) from ShareEntry e"
                + " where e.societyId = :s and e.memberId = :m and e.entryDate <= :d")
                .setParameter("s", societyId).setParameter("m", memberId).setParameter("d", asAt).getSingleResult();
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

    public List<ShareEntry> statement(long societyId, long memberId) {
        return em.createQuery("select e from ShareEntry e where e.societyId = :s and e.memberId = :m order by e.entryDate, e.id",
                ShareEntry.class).setParameter("s", societyId).setParameter("m", memberId).getResultList();
    }
}
