package coop.cooperage.platform.control;

import coop.cooperage.platform.entity.Job;
import java.util.Optional;

/**
 * One run of a job, as its worker sees it: fired as a CDI event by {@link JobRunner} on the thread that runs the job.
 * The worker for {@link #kind()} observes it, calls {@link #accept()}, does the work, reports {@link #progress} as it
 * goes and calls {@link #succeeded} inside the work's own transaction, so the work and the job's success commit
 * together (a crash before the commit leaves neither, and the job runs again from the start).
 */
public final class JobRun {

    private static final ThreadLocal<JobRun> CURRENT = new ThreadLocal<>();

    private final long id;
    private final long societyId;
    private final String kind;
    private final String params;
    private final Long requestedBy;
    private final String requestedByName;
    private final String instance;
    private final int attempt;
    private final Jobs jobs;
    private boolean accepted;
    private boolean succeeded;

    JobRun(Job job, String instance, Jobs jobs) {
        this.id = job.id();
        this.societyId = job.societyId();
        this.kind = job.kind();
        this.params = job.params();
        this.requestedBy = job.requestedBy();
        this.requestedByName = job.requestedByName();
        this.instance = instance;
        this.attempt = job.attempts();
        this.jobs = jobs;
    }

    /** The run on this thread, if it is running a job: whose request the work is done for (the audit trail's actor). */
    public static Optional<JobRun> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    void begin() {
        CURRENT.set(this);
    }

    void end() {
        CURRENT.remove();
    }

    public boolean is(String kind) {
        return this.kind.equals(kind);
    }

    /** Called by the worker that takes the job; a job no worker accepts fails. */
    public void accept() {
        if (accepted) {
            throw new IllegalStateException("Job " + id + " was accepted by two workers");
        }
        accepted = true;
    }

    /**
     * {@code done} of {@code total} steps, written at once in its own short transaction, so that the page sees it while
     * the work's transaction is still open. Workers report every batch (every 50 rows, say), not every row.
     */
    public void progress(long done, long total) {
        Job.checkProgress(done, total);
        jobs.progress(id, instance, attempt, done, total);
    }

    /**
     * Marks the job SUCCEEDED in the caller's transaction (mandatory), with what to tell the person who asked and where
     * to see the result. Refused (and so the work rolled back) if this instance no longer holds the job.
     */
    public void succeeded(String message, String resultPage, String resultApi) {
        jobs.succeedWithin(id, instance, attempt, message, resultPage, resultApi);
        succeeded = true;
    }

    boolean accepted() { return accepted; }
    boolean hasSucceeded() { return succeeded; }
    String instance() { return instance; }
    int attempt() { return attempt; }

    public long id() { return id; }
    public long societyId() { return societyId; }
    public String kind() { return kind; }
    public String params() { return params; }
    public Long requestedBy() { return requestedBy; }
    public String requestedByName() { return requestedByName; }
}
