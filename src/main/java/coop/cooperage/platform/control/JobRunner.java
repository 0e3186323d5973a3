package coop.cooperage.platform.control;

import coop.cooperage.platform.entity.Job;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Claims due jobs and runs them, in this instance, at most {@link #AT_ONCE} at a time. A job is claimed with SELECT ...
 * FOR UPDATE SKIP LOCKED in a short transaction of its own (as the mail outbox claims mail), so several instances
 * never run one job at once. While this instance runs jobs it refreshes their heartbeat every few seconds; a RUNNING
 * job whose heartbeat is older than {@code coop.jobs.stale-seconds} belonged to an instance that died, and is claimed
 * again. Jobs start as soon as they are queued, and a timer looks for due ones every few seconds.
 */
@Startup
@Singleton
@DependsOn("Migrations")
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class.getName());

    /** Jobs this instance runs at once: long work is heavy, and the requests must still be served. */
    static final int AT_ONCE = 2;

    @PersistenceContext
    EntityManager em;

    @Resource
    UserTransaction tx;

    @Inject
    Clock clock;

    @Inject
    Jobs jobs;

    @Inject
    Event<JobRun> runs;

    @Inject
    @ConfigProperty(name = "coop.jobs.stale-seconds", defaultValue = "60")
    long staleSeconds;

    @Inject
    @ConfigProperty(name = "coop.jobs.keep-days", defaultValue = "90")
    int keepDays;

    private final AtomicInteger running = new AtomicInteger();
    /** The runs going on in this instance now (job id to attempt): only these get a heartbeat. */
    private final java.util.concurrent.ConcurrentHashMap<Long, Integer> live = new java.util.concurrent.ConcurrentHashMap<>();
    private String instance;

    @PostConstruct
    void init() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "instance";
        }
        instance = (host.length() > 60 ? host.substring(0, 60) : host) + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Who this instance is in job.claimed_by. */
    public String instance() {
        return instance;
    }

    @Asynchronous
    public void runSoon() {
        runDue();
    }

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void poll() {
        runDue();
    }

    /** Keeps this instance's running jobs alive while their work goes on (progress also refreshes it). */
    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
    void beat() {
        if (live.isEmpty()) {
            return;
        }
        try {
            tx.begin();
            // only runs still going on here: a row whose run ended without recording its end (the failure
            // could not be written) must go stale and be claimed again, not be kept alive for ever
            for (var entry : live.entrySet()) {
                em.createNativeQuery("UPDATE job SET heartbeat_at = ?1 WHERE id = ?2 AND state = 'RUNNING' AND claimed_by = ?3"
                        + " AND attempts = ?4").setParameter(1, LocalDateTime.now(clock)).setParameter(2, entry.getKey())
                        .setParameter(3, instance).setParameter(4, entry.getValue()).executeUpdate();
            }
            tx.commit();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Job heartbeat failed", e);
            rollback();
        }
    }

    /** Once a night, forgets jobs that ended more than {@code coop.jobs.keep-days} ago. */
    @Schedule(hour = "3", minute = "17", persistent = false)
    void forgetOld() {
        try {
            tx.begin();
            int forgotten = jobs.forgetFinishedBefore(LocalDateTime.now(clock).minusDays(keepDays));
            tx.commit();
            if (forgotten > 0) {
                LOG.info("Forgot " + forgotten + " jobs that ended more than " + keepDays + " days ago");
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Forgetting old jobs failed", e);
            rollback();
        }
    }

    /** Runs due jobs one after another until none is due or enough run here already; returns how many it ran. */
    public int runDue() {
        int ran = 0;
        while (true) {
            if (running.incrementAndGet() > AT_ONCE) {
                running.decrementAndGet();
                return ran;
            }
            try {
                Job job = claim();
                if (job == null) {
                    return ran;
                }
                if (job.state() == Job.State.RUNNING) {
                    run(job);
                }
                ran++;
            } finally {
                running.decrementAndGet();
            }
        }
    }

    /** Claims the oldest due job, in a transaction of its own; null if none is due (or all are claimed elsewhere). */
    Job claim() {
        Duration stale = Duration.ofSeconds(staleSeconds);
        try {
            tx.begin();
            LocalDateTime now = LocalDateTime.now(clock);
            @SuppressWarnings("unchecked")
            List<Number> ids = em.createNativeQuery("SELECT id FROM job WHERE state = 'QUEUED'"
                    + " OR (state = 'RUNNING' AND (heartbeat_at IS NULL OR heartbeat_at <= ?1))"
                    + " ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED").setParameter(1, now.minus(stale)).getResultList();
            if (ids.isEmpty()) {
                tx.commit();
                return null;
            }
            Job job = em.find(Job.class, ids.get(0).longValue());
            if (job.state() == Job.State.RUNNING) {
                LOG.warning("Job " + job.id() + " (" + job.kind() + ") was running on " + job.claimedBy()
                        + ", which has not been heard of since " + job.heartbeatAt() + ": claimed again by " + instance);
            }
            if (!job.claim(instance, now, stale)) {
                LOG.warning("Job " + job.id() + " (" + job.kind() + ") given up after " + job.attempts() + " starts");
            }
            tx.commit();
            return job;
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Claiming a job failed", e);
            rollback();
            return null;
        }
    }

    private void run(Job job) {
        var run = new JobRun(job, instance, jobs);
        live.put(job.id(), run.attempt());
        run.begin();
        try {
            runs.fire(run);
            if (!run.accepted()) {
                jobs.fail(job.id(), instance, run.attempt(), "Nothing here knows how to do this kind of job (" + job.kind() + ").", null);
            } else if (!run.hasSucceeded()) {
                throw new IllegalStateException("The worker for " + job.kind() + " finished without recording success");
            }
        } catch (RuntimeException e) {
            Throwable refusal = refusal(e);
            if (refusal != null) {
                // the work was refused (a conflict, or bad input that got past the first checks): the reason is for the user
                jobs.fail(job.id(), instance, run.attempt(), refusal.getMessage(), null);
                return;
            }
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Incident " + incident + " in job " + job.id() + " (" + job.kind() + ")", e);
            try {
                jobs.fail(job.id(), instance, run.attempt(), "Something went wrong on our side and nothing was saved. Quote incident " + incident
                        + " if you report it.", incident);
            } catch (RuntimeException again) {
                LOG.log(Level.SEVERE, "Could not record the failure of job " + job.id(), again);
            }
        } finally {
            live.remove(job.id(), run.attempt());
            run.end();
        }
    }

    /** The refusal with a message meant for people (ours, so never a stack trace), if that is why the work stopped. */
    static Throwable refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidInputException || t instanceof NoSuchResourceException || t instanceof AccessDeniedException) {
                return t;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private void rollback() {
        try {
            tx.rollback();
        } catch (Exception ignored) {
            // the transaction is already gone
        }
    }
}
