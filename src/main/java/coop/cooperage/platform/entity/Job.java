package coop.cooperage.platform.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Long work done in the background: what it is, who asked, how far it has got and how it ended. A job is QUEUED, then
 * RUNNING on one instance (claimed_by), which keeps its heartbeat fresh; then SUCCEEDED or FAILED, for good. A RUNNING
 * job whose heartbeat has gone stale belonged to an instance that died: it is claimed again and run from the start (a
 * job's work is one transaction, or idempotent, so that is safe), at most {@link #MAX_ATTEMPTS} times in all.
 */
@Entity
@Table(name = "job")
public class Job {

    public enum State {
        QUEUED, RUNNING, SUCCEEDED, FAILED;

        public boolean finished() {
            return this == SUCCEEDED || this == FAILED;
        }
    }

    /** A job whose instances kept dying is given up after this many starts, so it cannot take instances down forever. */
    public static final int MAX_ATTEMPTS = 3;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "society_id")
    private long societyId;

    private String kind;

    private String title;

    /** What the work needs to know, as the kind's own text (JSON); read only by the kind's worker. */
    private String params;

    /** The roles in the society that may see the job (comma-separated); platform administrators always may. */
    @Column(name = "visible_to")
    private String visibleTo;

    @Column(name = "active_key")
    private String activeKey;

    @Enumerated(EnumType.STRING)
    private State state;

    @Column(name = "progress_done")
    private long done;

    @Column(name = "progress_total")
    private long total;

    private String message;

    @Column(name = "result_page")
    private String resultPage;

    @Column(name = "result_api")
    private String resultApi;

    private String incident;

    private int attempts;

    @Column(name = "requested_by")
    private Long requestedBy;

    @Column(name = "requested_by_name")
    private String requestedByName;

    @Column(name = "claimed_by")
    private String claimedBy;

    @Column(name = "heartbeat_at")
    private LocalDateTime heartbeatAt;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    @Column(name = "started_at")
    private LocalDateTime startedAt;

    @Column(name = "finished_at")
    private LocalDateTime finishedAt;

    protected Job() {
    }

    /**
     * A job to queue. {@code resultPage} and {@code resultApi} say where to see what the job works on (the page and the
     * API resource), shown however it ends; its worker may name others when it succeeds.
     */
    public Job(long societyId, String kind, String title, String params, Set<String> visibleTo, String activeKey, Long requestedBy,
            String requestedByName, String resultPage, String resultApi, LocalDateTime now) {
        if (kind == null || kind.isBlank() || title == null || title.isBlank() || params == null || activeKey == null
                || activeKey.isBlank() || visibleTo == null || visibleTo.isEmpty()) {
            throw new IllegalArgumentException("A job needs a kind, a title, its parameters, who may see it and what it works on");
        }
        this.societyId = societyId;
        this.kind = kind;
        this.title = title.length() > 300 ? title.substring(0, 300) : title;
        this.params = params;
        this.visibleTo = visibleTo.stream().sorted().collect(Collectors.joining(","));
        this.activeKey = activeKey;
        this.requestedBy = requestedBy;
        this.requestedByName = requestedByName == null ? "system" : requestedByName;
        this.resultPage = resultPage;
        this.resultApi = resultApi;
        this.state = State.QUEUED;
        this.createdAt = now;
    }

    /** Whether an instance may claim this job now: it waits, or its instance has not been heard of for {@code staleAfter}. */
    public boolean claimable(LocalDateTime now, Duration staleAfter) {
        return state == State.QUEUED
                || state == State.RUNNING && (heartbeatAt == null || !heartbeatAt.plus(staleAfter).isAfter(now));
    }

    /**
     * Claims the job for {@code instance}. Answers whether to run it: false when it has already been started
     * {@link #MAX_ATTEMPTS} times by instances that died, in which case it is failed here instead.
     */
    public boolean claim(String instance, LocalDateTime now, Duration staleAfter) {
        if (!claimable(now, staleAfter)) {
            throw new IllegalStateException("Job " + id + " is " + state + (claimedBy == null ? "" : " on " + claimedBy));
        }
        if (attempts >= MAX_ATTEMPTS) {
            fail("The work stopped " + attempts + " times because the server doing it stopped; it has not been tried again."
                    + " Nothing of it was saved. Please try again, and tell us if it happens again.", null, now);
            return false;
        }
        boolean restarted = state == State.RUNNING;
        attempts++;
        state = State.RUNNING;
        claimedBy = instance;
        heartbeatAt = now;
        startedAt = now;
        done = 0;
        if (restarted) {
            message = "Started again after the server doing it stopped";
        }
        return true;
    }

    /**
     * Whether this run (an instance, and the attempt it claimed) still holds the job. If its heartbeat went stale and
     * the job was claimed again, even by the same instance, the earlier run no longer holds it and must not finish it.
     */
    public boolean heldBy(String instance, int attempt) {
        return state == State.RUNNING && instance.equals(claimedBy) && attempts == attempt;
    }

    /** How far the work has got: {@code done} of {@code total} steps. */
    public void progress(long done, long total) {
        checkProgress(done, total);
        requireRunning();
        this.done = done;
        this.total = total;
    }

    public static void checkProgress(long done, long total) {
        if (done < 0 || total < 0 || done > total) {
            throw new IllegalArgumentException("Progress " + done + " of " + total + " is not possible");
        }
    }

    public void succeed(String message, String resultPage, String resultApi, LocalDateTime now) {
        requireRunning();
        state = State.SUCCEEDED;
        this.message = message;
        this.resultPage = resultPage == null ? this.resultPage : resultPage;
        this.resultApi = resultApi == null ? this.resultApi : resultApi;
        done = total;
        end(now);
    }

    /** Fails the job with a message fit for the person who asked (never a stack trace) and, if it was our fault, an incident id. */
    public void fail(String message, String incident, LocalDateTime now) {
        if (state.finished()) {
            throw new IllegalStateException("Job " + id + " has already " + state.name().toLowerCase());
        }
        state = State.FAILED;
        this.message = message;
        this.incident = incident;
        end(now);
    }

    private void end(LocalDateTime now) {
        activeKey = null;
        finishedAt = now;
        claimedBy = null;
    }

    private void requireRunning() {
        if (state != State.RUNNING) {
            throw new IllegalStateException("Job " + id + " is " + state + ", not running");
        }
    }

    /** Whether someone with these roles in the job's society may see it (platform administrators are let through elsewhere). */
    public java.util.List<String> visibleToRoles() {
        return java.util.List.of(visibleTo.split(","));
    }

    public boolean visibleTo(Set<String> roles) {
        return Arrays.stream(visibleTo.split(",")).anyMatch(roles::contains);
    }

    /** Whole per cent done, 0 to 100: 0 until the work knows its size, 100 once it succeeded. */
    public int percent() {
        if (state == State.SUCCEEDED) {
            return 100;
        }
        return total == 0 ? 0 : (int) Math.min(100, done * 100 / total);
    }

    public Long id() { return id; }
    public long societyId() { return societyId; }
    public String kind() { return kind; }
    public String title() { return title; }
    public String params() { return params; }
    public String activeKey() { return activeKey; }
    public State state() { return state; }
    public long done() { return done; }
    public long total() { return total; }
    public String message() { return message; }
    public String resultPage() { return resultPage; }
    public String resultApi() { return resultApi; }
    public String incident() { return incident; }
    public int attempts() { return attempts; }
    public Long requestedBy() { return requestedBy; }
    public String requestedByName() { return requestedByName; }
    public String claimedBy() { return claimedBy; }
    public LocalDateTime heartbeatAt() { return heartbeatAt; }
    public LocalDateTime createdAt() { return createdAt; }
    public LocalDateTime startedAt() { return startedAt; }
    public LocalDateTime finishedAt() { return finishedAt; }
}
