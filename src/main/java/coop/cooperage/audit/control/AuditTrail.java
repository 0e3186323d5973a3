package coop.cooperage.audit.control;

import coop.cooperage.audit.entity.AuditEvent;
import coop.cooperage.audit.entity.AuditHash;
import coop.cooperage.audit.entity.ChainVerification;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;

/**
 * Writes and reads the audit trail. Writing joins the caller's transaction (it is mandatory),
 * so a change and its audit event commit or roll back together.
 */
@ApplicationScoped
public class AuditTrail {

    /** The chain for events that belong to no society (accounts, platform settings). */
    public static final long PLATFORM_CHAIN = 0;

    private static final Jsonb JSON = JsonbBuilder.create(new JsonbConfig().withNullValues(true));
    private static final int BATCH = 1000;

    @PersistenceContext
    EntityManager em;

    @Inject
    SecurityContext security;

    @Inject
    Clock clock;

    @Inject
    coop.cooperage.platform.control.CounterRows counters;

    /** Per transaction: the head of each chain this transaction has locked and written (chain id to {seq, hash}). */
    @Resource
    TransactionSynchronizationRegistry registry;

    private static final String HEADS = AuditTrail.class.getName() + ".heads";

    public record Filter(String action, String actor, String entityType, LocalDate from, LocalDate to) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEvent record(long chainId, String action, String entityType, Object entityId, Object before, Object after) {
        return recordAs(currentActor(), chainId, action, entityType, entityId, before, after);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEvent recordAs(String actor, long chainId, String action, String entityType, Object entityId,
            Object before, Object after) {
        // Lock the chain's head row: events of one society are written one at a time, in order. The lock is held until
        // the transaction ends, and only this class writes the row, so after the first event the transaction knows the
        // head without reading it again (an allotment writes tens of thousands of events in one transaction).
        @SuppressWarnings("unchecked")
        var heads = (Map<Long, Object[]>) registry.getResource(HEADS);
        if (heads == null) {
            heads = new HashMap<>();
            registry.putResource(HEADS, heads);
        }
        Object[] head = heads.get(chainId);
        if (head == null) {
            counters.ensureExists("audit_chain", "chain_id", chainId,
                    "INSERT IGNORE INTO audit_chain (chain_id, last_seq, last_hash) VALUES (?1, 0, ?2)", chainId, AuditHash.GENESIS);
            head = (Object[]) em.createNativeQuery("SELECT last_seq, last_hash FROM audit_chain WHERE chain_id = ?1 FOR UPDATE")
                    .setParameter(1, chainId).getSingleResult();
        }
        long seq = ((Number) head[0]).longValue() + 1;
        String prev = (String) head[1];
        var event = new AuditEvent(chainId, seq, LocalDateTime.now(clock).truncatedTo(ChronoUnit.MICROS), actor, action,
                entityType, String.valueOf(entityId), toJson(before), toJson(after), prev);
        em.persist(event);
        em.createNativeQuery("UPDATE audit_chain SET last_seq = ?1, last_hash = ?2 WHERE chain_id = ?3")
                .setParameter(1, seq).setParameter(2, event.hash()).setParameter(3, chainId).executeUpdate();
        heads.put(chainId, new Object[] {seq, event.hash()});
        return event;
    }

    public List<AuditEvent> search(long chainId, Filter filter, int page, int pageSize) {
        var jpql = new StringBuilder("select e from AuditEvent e where e.chainId = :chain");
        if (filter.action() != null) {
            jpql.append(" and e.action like :action");
        }
        if (filter.actor() != null) {
            jpql.append(" and e.actor like :actor");
        }
        if (filter.entityType() != null) {
            jpql.append(" and e.entityType = :type");
        }
        if (filter.from() != null) {
            jpql.append(" and e.occurredAt >= :from");
        }
        if (filter.to() != null) {
            jpql.append(" and e.occurredAt < :to");
        }
        jpql.append(" order by e.seq desc");
        var q = em.createQuery(jpql.toString(), AuditEvent.class).setParameter("chain", chainId);
        if (filter.action() != null) {
            q.setParameter("action", filter.action() + "%");
        }
        if (filter.actor() != null) {
            q.setParameter("actor", "%" + filter.actor() + "%");
        }
        if (filter.entityType() != null) {
            q.setParameter("type", filter.entityType());
        }
        if (filter.from() != null) {
            q.setParameter("from", filter.from().atStartOfDay());
        }
        if (filter.to() != null) {
            q.setParameter("to", filter.to().plusDays(1).atStartOfDay());
        }
        return q.setFirstResult(Math.max(0, Math.min(page, 1_000_000)) * pageSize).setMaxResults(pageSize).getResultList();
    }

    /** Walks the whole chain in batches, so a long history is checked in bounded memory. */
    public ChainVerification verify(long chainId) {
        var verifier = new ChainVerifier();
        long after = 0;
        while (true) {
            List<AuditEvent> batch = em.createQuery(
                    "select e from AuditEvent e where e.chainId = :chain and e.seq > :after order by e.seq", AuditEvent.class)
                    .setParameter("chain", chainId).setParameter("after", after).setMaxResults(BATCH)
                    .setHint("eclipselink.refresh", true)
                    .getResultList();
            for (AuditEvent e : batch) {
                if (!verifier.accept(e)) {
                    return verifier.finish(-1, "");
                }
                after = e.seq();
            }
            em.clear();
            if (batch.size() < BATCH) {
                break;
            }
        }
        List<?> head = em.createNativeQuery("SELECT last_seq, last_hash FROM audit_chain WHERE chain_id = ?1")
                .setParameter(1, chainId).getResultList();
        if (head.isEmpty()) {
            return verifier.finish(0, AuditHash.GENESIS);
        }
        Object[] row = (Object[]) head.get(0);
        return verifier.finish(((Number) row[0]).longValue(), (String) row[1]);
    }

    public String currentActor() {
        // work done in the background on someone's behalf is theirs: the job records who asked for it
        var job = coop.cooperage.platform.control.JobRun.current();
        if (job.isPresent()) {
            return job.get().requestedByName();
        }
        try {
            Principal p = security.getCallerPrincipal();
            return p == null ? "system" : p.getName();
        } catch (RuntimeException outsideARequest) {
            // start-up work and timers run with no caller
            return "system";
        }
    }

    static String toJson(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof String s ? s : JSON.toJson(value);
    }

}
