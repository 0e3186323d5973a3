package coop.cooperage.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JobRunnerTest {

    @Test
    void aRefusalIsToldToTheUserEvenWhenWrappedButAnythingElseIsAnIncident() {
        var conflict = new ConflictException("offer", "This offer has already been allotted");
        assertThat(JobRunner.refusal(conflict)).isSameAs(conflict);
        assertThat(JobRunner.refusal(new RuntimeException("rolled back", conflict))).isSameAs(conflict);
        var missing = new NoSuchResourceException("No such offer");
        assertThat(JobRunner.refusal(missing)).isSameAs(missing);
        assertThat(JobRunner.refusal(new IllegalStateException("deadlock", new java.sql.SQLException("Deadlock found")))).isNull();
        assertThat(JobRunner.refusal(new NullPointerException())).isNull();
    }
}
