package coop.cooperage.platform.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JobTest {

    private static final LocalDateTime T0 = LocalDateTime.of(2026, 12, 2, 10, 0);
    private static final Duration STALE = Duration.ofSeconds(60);

    private static Job queued() {
        return new Job(1, "shares.allotment-approval", "Approving the allotment of Solar", "{}", Set.of("DIRECTOR", "SECRETARY"),
                "shares.allotment-approval:7", 3L, "dir@example.org", "/s/x/allotments/solar", "/api/v1/societies/x/allotments/solar", T0);
    }

    @Test
    void aQueuedJobIsClaimedOnceAndThenBelongsToItsInstance() {
        var job = queued();
        assertThat(job.state()).isEqualTo(Job.State.QUEUED);
        assertThat(job.claimable(T0, STALE)).isTrue();
        assertThat(job.claim("a", T0.plusSeconds(1), STALE)).isTrue();
        assertThat(job.state()).isEqualTo(Job.State.RUNNING);
        assertThat(job.claimedBy()).isEqualTo("a");
        assertThat(job.attempts()).isEqualTo(1);
        assertThat(job.startedAt()).isEqualTo(T0.plusSeconds(1));
        // while its instance is heard of, nobody else may take it
        assertThat(job.claimable(T0.plusSeconds(60), STALE)).isFalse();
        assertThatThrownBy(() -> job.claim("b", T0.plusSeconds(30), STALE)).isInstanceOf(IllegalStateException.class);
        assertThat(job.claimedBy()).isEqualTo("a");
    }

    @Test
    void aRunningJobWhoseInstanceWentQuietIsClaimedAgainFromTheStart() {
        var job = queued();
        job.claim("a", T0, STALE);
        job.progress(40, 100);
        assertThat(job.claimable(T0.plusSeconds(59), STALE)).isFalse();
        assertThat(job.claimable(T0.plusSeconds(61), STALE)).isTrue();
        assertThat(job.claim("b", T0.plusSeconds(61), STALE)).isTrue();
        assertThat(job.claimedBy()).isEqualTo("b");
        assertThat(job.attempts()).isEqualTo(2);
        assertThat(job.done()).as("the work starts again").isZero();
        assertThat(job.message()).contains("Started again");
        assertThat(job.activeKey()).isEqualTo("shares.allotment-approval:7");
    }

    @Test
    void onlyTheLatestRunHoldsTheJobEvenOnTheSameInstance() {
        var job = queued();
        job.claim("a", T0, STALE);
        assertThat(job.heldBy("a", 1)).isTrue();
        assertThat(job.heldBy("b", 1)).isFalse();
        // its heartbeat went stale (a stalled instance), and the same instance claimed it again: the first run lost it
        job.claim("a", T0.plusMinutes(2), STALE);
        assertThat(job.heldBy("a", 1)).isFalse();
        assertThat(job.heldBy("a", 2)).isTrue();
        job.succeed("done", null, null, T0.plusMinutes(3));
        assertThat(job.heldBy("a", 2)).as("a finished job is nobody's").isFalse();
    }

    @Test
    void aJobWhoseInstancesKeepDyingIsGivenUpWithAClearMessage() {
        var job = queued();
        var now = T0;
        for (int i = 0; i < Job.MAX_ATTEMPTS; i++) {
            now = now.plusMinutes(5);
            assertThat(job.claim("i" + i, now, STALE)).isTrue();
        }
        assertThat(job.claim("last", now.plusMinutes(5), STALE)).isFalse();
        assertThat(job.state()).isEqualTo(Job.State.FAILED);
        assertThat(job.message()).contains("stopped " + Job.MAX_ATTEMPTS + " times").contains("Nothing of it was saved")
                .doesNotContain("Exception");
        assertThat(job.activeKey()).as("another may be queued").isNull();
        assertThat(job.claimable(now.plusHours(1), STALE)).isFalse();
    }

    @Test
    void successAndFailureAreFinalAndFreeTheActiveKey() {
        var job = queued();
        assertThatThrownBy(() -> job.succeed("done", null, null, T0)).as("not running yet").isInstanceOf(IllegalStateException.class);
        job.claim("a", T0, STALE);
        job.progress(0, 10);
        job.progress(7, 10);
        job.succeed("Allotted 10 shares", null, null, T0.plusSeconds(5));
        assertThat(job.state()).isEqualTo(Job.State.SUCCEEDED);
        assertThat(job.done()).isEqualTo(10);
        assertThat(job.percent()).isEqualTo(100);
        assertThat(job.resultPage()).as("kept from when it was queued").isEqualTo("/s/x/allotments/solar");
        assertThat(job.activeKey()).isNull();
        assertThat(job.claimedBy()).isNull();
        assertThat(job.finishedAt()).isEqualTo(T0.plusSeconds(5));
        assertThatThrownBy(() -> job.fail("late", null, T0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> job.progress(1, 10)).isInstanceOf(IllegalStateException.class);
        assertThat(job.claimable(T0.plusHours(1), STALE)).isFalse();

        var failed = queued();
        failed.claim("a", T0, STALE);
        failed.fail("This offer has already been allotted", null, T0);
        assertThat(failed.state()).isEqualTo(Job.State.FAILED);
        assertThat(failed.activeKey()).isNull();
        assertThatThrownBy(() -> failed.succeed("x", null, null, T0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void progressMustBePossible() {
        var job = queued();
        job.claim("a", T0, STALE);
        assertThatThrownBy(() -> job.progress(11, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> job.progress(-1, 10)).isInstanceOf(IllegalArgumentException.class);
        job.progress(0, 0);
        assertThat(job.percent()).isZero();
        job.progress(1, 3);
        assertThat(job.percent()).isEqualTo(33);
    }

    @Test
    void onlyTheRolesItNamesSeeAJob() {
        var job = queued();
        assertThat(job.visibleTo(Set.of("DIRECTOR"))).isTrue();
        assertThat(job.visibleTo(Set.of("SECRETARY", "MEMBER"))).isTrue();
        assertThat(job.visibleTo(Set.of("TREASURER", "AUDITOR", "MEMBER"))).isFalse();
        assertThat(job.visibleTo(Set.of())).isFalse();
    }

    @Test
    void aJobNeedsToKnowWhatItIs() {
        assertThatThrownBy(() -> new Job(1, "k", "t", "{}", Set.of(), "key", null, null, null, null, T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Job(1, "k", "t", "{}", Set.of("DIRECTOR"), " ", null, null, null, null, T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new Job(1, "k", "t", "{}", Set.of("DIRECTOR"), "key", null, null, null, null, T0).requestedByName()).isEqualTo("system");
    }
}
