package coop.cooperage.meetings.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PluralityTest {

    @Test
    void eachMarkedCandidateGetsOneVoteAndTheMostVotesWin() {
        Contest contest = BltParser.parse("4 2\n3 1 2 0\n2 2 3 0\n1 4 0\n2 3 1 0\n0\nA\nB\nC\nD\nT\n");

        CountResult result = new Plurality(0).count(contest);

        assertThat(result.stages()).singleElement().satisfies(stage -> {
            assertThat(stage.votes()).containsExactly(
                    entry("A", big(5)), entry("B", big(5)), entry("C", big(4)), entry("D", big(1)));
            assertThat(stage.quota()).isNull();
        });
        assertThat(result.elected()).containsExactly("A", "B");
        assertThat(result.quota()).isNull();
    }

    @Test
    void theOrderOfMarksAndEqualPreferencesMakeNoDifference() {
        Contest ranked = BltParser.parse("3 2\n1 1 2 0\n1 3 0\n0\nA\nB\nC\nT\n");
        Contest equal = BltParser.parse("3 2\n1 2=1 0\n1 3 0\n0\nA\nB\nC\nT\n");

        assertThat(new Plurality(0).count(equal).stages().get(0).votes())
                .isEqualTo(new Plurality(0).count(ranked).stages().get(0).votes());
    }

    @Test
    void aPaperMarkingMoreCandidatesThanSeatsIsRejected() {
        Contest contest = BltParser.parse("3 1\n4 1 2 0\n3 2 0\n1 3 0\n0\nA\nB\nC\nT\n");

        CountResult result = new Plurality(0).count(contest);

        assertThat(result.rejectedPapers()).isEqualTo(4);
        assertThat(result.validVotes()).isEqualByComparingTo("4");
        assertThat(result.elected()).containsExactly("B");
    }

    @Test
    void marksForWithdrawnCandidatesAreIgnored() {
        Contest contest = BltParser.parse("3 1\n-1\n4 1 0\n3 1 2 0\n1 3 0\n0\nA\nB\nC\nT\n");

        CountResult result = new Plurality(0).count(contest);

        assertThat(result.stages().get(0).votes()).containsOnlyKeys("B", "C");
        assertThat(result.rejectedPapers()).isEqualTo(4); // papers for A alone
        assertThat(result.elected()).containsExactly("B");
    }

    @Test
    void aTieForTheLastSeatIsDrawnByASeededLot() {
        Contest contest = BltParser.parse("4 2\n5 1 0\n3 2 0\n3 3 0\n3 4 0\n0\nA\nB\nC\nD\nT\n");

        Set<List<String>> outcomes = new HashSet<>();
        for (long seed = 0; seed < 30; seed++) {
            CountResult result = new Plurality(seed).count(contest);
            assertThat(new Plurality(seed).count(contest)).isEqualTo(result);
            assertThat(result.elected()).hasSize(2).startsWith("A");
            assertThat(result.finalStage().notes()).singleElement().asString()
                    .contains("B, C, D").contains("by lot (seed " + seed + ", draw 1)");
            outcomes.add(result.elected());
        }
        assertThat(outcomes).containsExactlyInAnyOrder(List.of("A", "B"), List.of("A", "C"), List.of("A", "D"));
    }

    @Test
    void aTieThatFitsWithinTheSeatsNeedsNoLot() {
        Contest contest = BltParser.parse("3 2\n4 1 0\n4 2 0\n1 3 0\n0\nA\nB\nC\nT\n");

        CountResult result = new Plurality(0).count(contest);

        assertThat(result.elected()).containsExactly("A", "B");
        assertThat(result.finalStage().notes()).isEmpty();
    }

    @Test
    void fewerCandidatesThanSeatsElectsThemAll() {
        Contest contest = BltParser.parse("2 3\n1 1 0\n0\nA\nB\nT\n");

        CountResult result = new Plurality(0).count(contest);

        assertThat(result.elected()).containsExactly("A", "B");
        assertThat(result.finalStage().notes()).singleElement().asString().contains("1 seat(s) stay empty");
    }

    private static java.math.BigDecimal big(long value) {
        return java.math.BigDecimal.valueOf(value);
    }
}
