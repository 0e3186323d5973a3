package coop.cooperage.platform.boundary;

import coop.cooperage.platform.entity.Job;
import java.time.LocalDateTime;

/**
 * A job as JSON, for whoever polls it: its state, progress (done of total steps, 0 of 0 while the work is still
 * working out its size), and once it ends the message for the person who asked and where the result is.
 */
public record JobJson(long id, String kind, String title, String state, long done, long total, int percent, String message,
        String resultPage, String resultApi, String incident, int attempts, String requestedBy, LocalDateTime createdAt,
        LocalDateTime startedAt, LocalDateTime finishedAt) {

    public static JobJson of(Job j) {
        return new JobJson(j.id(), j.kind(), j.title(), j.state().name(), j.done(), j.total(), j.percent(), j.message(),
                j.resultPage(), j.resultApi(), j.incident(), j.attempts(), j.requestedByName(), j.createdAt(), j.startedAt(),
                j.finishedAt());
    }

    /** Where the job is polled. */
    public static String location(String societySlug, long jobId) {
        return "/api/v1/societies/" + societySlug + "/jobs/" + jobId;
    }
}
