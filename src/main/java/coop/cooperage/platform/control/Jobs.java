package coop.cooperage.platform.control;

import coop.cooperage.platform.entity.Job;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Queues jobs and records what happens to them; {@link JobRunner} claims and runs them. One job at a time works on one
 * thing (its active key): queueing a second while the first waits or runs is a conflict.
 */
@ApplicationScoped
public class Jobs {

    /** Fired when a job is queued, so a runner can start it as soon as the queueing transaction commits. */
    public record JobQueued(long id) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<JobQueued> queued;

    @Inject
    JobRunner runner;

    /**
     * Queues {@code job} in the caller's transaction. If another job with the same active key is queued or running,
     * nothing is written and the answer is a conflict saying {@code busy}. INSERT IGNORE on the unique active key
     * settles two requests at the same moment: the second waits for the first to commit and inserts nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Job enqueue(Job job, String busy) {
        int inserted = em.createNativeQuery("INSERT IGNORE INTO job (society_id, kind, title, params, visible_to, active_key, state,"
                + " requested_by, requested_by_name, result_page, result_api, created_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'QUEUED', ?7, ?8, ?9, ?10, ?11)")
                .setParameter(1, job.societyId()).setParameter(2, job.kind()).setParameter(3, job.title()).setParameter(4, job.params())
                .setParameter(5, String.join(",", job.visibleToRoles())).setParameter(6, job.activeKey())
                .setParameter(7, job.requestedBy()).setParameter(8, job.requestedByName()).setParameter(9, job.resultPage())
                .setParameter(10, job.resultApi()).setParameter(11, job.createdAt())
                .executeUpdate();
        if (inserted == 0) {
            // a locking read: it sees the job that is in the way even if it committed after this transaction began
            List<?> other = em.createNativeQuery("SELECT id FROM job WHERE active_key = ?1 LOCK IN SHARE MODE")
                    .setParameter(1, job.activeKey()).getResultList();
            throw new ConflictException("job", busy + (other.isEmpty() ? "" : " (job " + other.get(0) + ")"));
        }
        long id = ((Number) em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult()).longValue();
        queued.fire(new JobQueued(id));
        return em.find(Job.class, id);
    }

    /** Starts the job as soon as the transaction that queued it has committed. */
    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) JobQueued event) {
        runner.runSoon();
    }

    public Optional<Job> find(long societyId, long id) {
        return em.createQuery("select j from Job j where j.id = :id and j.societyId = :s", Job.class).setParameter("id", id)
                .setParameter("s", societyId).setHint("eclipselink.refresh", true).getResultStream().findFirst();
    }

    /** A society's most recent jobs, newest first. */
    public java.util.List<Job> recent(long societyId, int limit) {
        return em.createQuery("select j from Job j where j.societyId = :s order by j.id desc", Job.class)
                .setParameter("s", societyId).setMaxResults(limit).setHint("eclipselink.refresh", true).getResultList();
    }

    /** Forgets jobs that ended before the cutoff (their outcome is in the audit trail and in what they made); returns how many. */
    @Transactional(Transactional.TxType.REQUIRED)
    public int forgetFinishedBefore(java.time.LocalDateTime cutoff) {
        return em.createNativeQuery("DELETE FROM job WHERE state IN ('SUCCEEDED', 'FAILED') AND finished_at < ?1")
                .setParameter(1, cutoff).executeUpdate();
    }

    /** The job queued or running under this active key, if any. */
    public Optional<Job> active(String activeKey) {
        return em.createQuery("select j from Job j where j.activeKey = :k", Job.class).setParameter("k", activeKey)
                .setHint("eclipselink.refresh", true).getResultStream().findFirst();
    }

    /**
     * Progress and a heartbeat, in a transaction of their own; ignored if this run no longer holds the job. A run is
     * its instance and its attempt: an instance that claimed its own job again (its heartbeat went stale) holds only the
     * later run.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void progress(long id, String instance, int attempt, long done, long total) {
        Job.checkProgress(done, total);
        em.createNativeQuery("UPDATE job SET progress_done = ?1, progress_total = ?2, heartbeat_at = ?3"
                + " WHERE id = ?4 AND state = 'RUNNING' AND claimed_by = ?5 AND attempts = ?6")
                .setParameter(1, done).setParameter(2, total).setParameter(3, LocalDateTime.now(clock)).setParameter(4, id)
                .setParameter(5, instance).setParameter(6, attempt).executeUpdate();
    }

    /** Success in the work's transaction: the work and its job's success commit together, or neither does. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void succeedWithin(long id, String instance, int attempt, String message, String resultPage, String resultApi) {
        held(id, instance, attempt).succeed(message, resultPage, resultApi, LocalDateTime.now(clock));
        em.flush();
    }

    /** A failure, in a transaction of its own (the work's has rolled back). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void fail(long id, String instance, int attempt, String message, String incident) {
        Job job = em.find(Job.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (job != null && job.heldBy(instance, attempt)) {
            job.fail(message, incident, LocalDateTime.now(clock));
        }
    }

    /** The job, locked, as long as this run still holds it: a run that lost it (taken over as dead) must not finish it. */
    private Job held(long id, String instance, int attempt) {
        Job job = em.find(Job.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (job == null || !job.heldBy(instance, attempt)) {
            throw new IllegalStateException("Job " + id + " is no longer held by " + instance + " (attempt " + attempt + ")");
        }
        return job;
    }
}
