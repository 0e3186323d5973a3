package coop.cooperage.meetings.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.cooperage.platform.control.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BallotPaperTest {

    private static final Set<Long> CANDIDATES = Set.of(11L, 12L, 13L, 14L);

    @Test
    void pluralityTicksUpToTheSeatsAndStoresThemSorted() {
        assertThat(BallotPaper.ticked(List.of(14L, 11L), CANDIDATES, 2)).containsExactly(11L, 14L);
        assertThat(BallotPaper.ticked(List.of(12L), CANDIDATES, 2)).containsExactly(12L);
    }

    @Test
    void pluralityRefusesTooManyNoneRepeatsAndStrangers() {
        assertThatThrownBy(() -> BallotPaper.ticked(List.of(11L, 12L, 13L), CANDIDATES, 2))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no more than 2").hasMessageContaining("you chose 3");
        assertThatThrownBy(() -> BallotPaper.ticked(List.of(), CANDIDATES, 2)).hasMessageContaining("at least one");
        assertThatThrownBy(() -> BallotPaper.ticked(List.of(11L, 11L), CANDIDATES, 2)).hasMessageContaining("twice");
        assertThatThrownBy(() -> BallotPaper.ticked(List.of(99L), CANDIDATES, 2)).hasMessageContaining("not a candidate");
    }

    @Test
    void rankingsRunFromOneInOrder() {
        assertThat(BallotPaper.ranked(Map.of(13L, 1, 11L, 3, 14L, 2), CANDIDATES)).containsExactly(13L, 14L, 11L);
        assertThat(BallotPaper.ranked(Map.of(12L, 1), CANDIDATES)).containsExactly(12L);
    }

    @Test
    void rankingsRefuseRepeatsGapsAndNonsense() {
        assertThatThrownBy(() -> BallotPaper.ranked(Map.of(11L, 1, 12L, 1), CANDIDATES))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("number 1 to more than one");
        assertThatThrownBy(() -> BallotPaper.ranked(Map.of(11L, 1, 12L, 3), CANDIDATES)).hasMessageContaining("skipped number 2");
        assertThatThrownBy(() -> BallotPaper.ranked(Map.of(11L, 2), CANDIDATES)).hasMessageContaining("skipped number 1");
        assertThatThrownBy(() -> BallotPaper.ranked(Map.of(11L, 5), CANDIDATES)).hasMessageContaining("1 to 4");
        assertThatThrownBy(() -> BallotPaper.ranked(Map.of(), CANDIDATES)).hasMessageContaining("at least one");
        assertThatThrownBy(() -> BallotPaper.ranked(Map.of(77L, 1), CANDIDATES)).hasMessageContaining("not a candidate");
    }

    @Test
    void contentRoundTrips() {
        assertThat(BallotPaper.encode(List.of(13L, 11L, 12L))).isEqualTo("13>11>12");
        assertThat(BallotPaper.decode("13>11>12")).containsExactly(13L, 11L, 12L);
    }
}
