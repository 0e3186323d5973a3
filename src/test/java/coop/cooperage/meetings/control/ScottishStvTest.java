package coop.cooperage.meetings.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ScottishStvTest {

    private static BigDecimal votes(String value) {
        return new BigDecimal(value).setScale(5);
    }

    @Test
    void quotaIsValidVotesOverSeatsPlusOneIgnoringTheFractionPlusOne() {
        Contest contest = BltParser.parse("2 3\n11 1 0\n3 2 0\n0\nA\nB\nT\n");

        assertThat(new ScottishStv(0).count(contest).quota()).isEqualByComparingTo("4"); // 14/4 = 3.5 -> 3 + 1
    }

    @Test
    void transferValuesAreTruncatedToFiveDecimalPlacesNotRounded() {
        // quota 12/4 -> 3 + 1 = 4. A's surplus of 5 over 9 papers: 0.555555... is truncated to
        // 0.55555, so B gets 4.99995 (rounding would give 0.55556 and 5.00004).
        Contest contest = BltParser.parse("4 3\n9 1 2 0\n1 2 0\n1 3 0\n1 4 0\n0\nA\nB\nC\nD\nT\n");

        CountResult result = new ScottishStv(0).count(contest);

        assertThat(ScottishStv.transferValue(ScottishStv.ONE, 6 * ScottishStv.ONE, 9 * ScottishStv.ONE)).isEqualTo(66_666);
        Stage transfer = result.stages().get(1);
        assertThat(transfer.action()).isEqualTo(StageAction.SURPLUS_TRANSFER);
        assertThat(transfer.subject()).isEqualTo("A");
        assertThat(transfer.votes()).containsEntry("A", votes("4")).containsEntry("B", votes("5.99995"));
        assertThat(transfer.lost()).isEqualTo(votes("0.00005"));
    }

    @Test
    void laterSurplusesTransferEveryPaperAtItsOwnValue() {
        // B is elected on A's transferred papers as well as its own; its surplus moves both kinds
        // of paper, each at surplus x value / total (weighted inclusive Gregory).
        Contest contest = BltParser.parse("5 3\n13 1 2 0\n3 2 3 0\n2 3 0\n3 4 0\n2 5 0\n0\nA\nB\nC\nD\nE\nT\n");

        CountResult result = new ScottishStv(0).count(contest);

        // quota 23/4 -> 5 + 1 = 6. A: 13, surplus 7, value 7/13 = 0.53846; B gets 6.99998.
        assertThat(result.stages().get(1).votes()).containsEntry("B", votes("9.99998"));
        assertThat(result.stages().get(1).lost()).isEqualTo(votes("0.00002"));
        // B: surplus 3.99998. Its own papers: 3.99998 x 1 / 9.99998 = 0.39999 each, to C;
        // A's papers: 3.99998 x 0.53846 / 9.99998 = 0.21538 each, with nowhere to go.
        Stage second = result.stages().get(2);
        assertThat(second.subject()).isEqualTo("B");
        assertThat(second.votes()).containsEntry("B", votes("6")).containsEntry("C", votes("3.19997"));
        assertThat(second.nonTransferable()).isEqualTo(votes("2.79994"));
        assertThat(second.lost()).isEqualTo(votes("0.00009"));
        assertThat(result.elected()).containsExactly("A", "B", "C");
    }

    @Test
    void largestSurplusIsTransferredFirst() {
        Contest contest = BltParser.parse("4 3\n8 1 3 0\n10 2 4 0\n1 3 0\n1 4 0\n0\nA\nB\nC\nD\nT\n");

        CountResult result = new ScottishStv(0).count(contest);

        assertThat(result.stages().get(0).elected()).containsExactly("B", "A");
        assertThat(result.stages().get(1).subject()).isEqualTo("B");
        assertThat(result.stages().get(2).subject()).isEqualTo("A");
    }

    @Test
    void exclusionTieIsBrokenByTheMostRecentPrecedingStageAtWhichTheyDiffered() {
        // Stage 1: A 3, B 4. Stage 2 (E out, to A): A 5, B 4. Stage 3 (D out, one to B): A 5, B 5.
        // The Order looks at the most recent earlier stage where they differ (stage 2: B fewer),
        // so B goes, although A had fewer at the first stage.
        Contest contest = BltParser.parse("""
                5 1
                3 1 0
                4 2 0
                2 5 1 0
                1 4 2 0
                2 4 3 0
                5 3 0
                0
                A
                B
                C
                D
                E
                T
                """);

        CountResult result = new ScottishStv(0).count(contest);

        Stage tied = result.stages().get(2);
        assertThat(tied.votes()).containsEntry("A", votes("5")).containsEntry("B", votes("5"));
        Stage exclusion = result.stages().get(3);
        assertThat(exclusion.excluded()).containsExactly("B");
        assertThat(exclusion.notes()).singleElement().asString()
                .contains("A, B").contains("stage 2").contains("most recent").doesNotContain("lot");
        assertThat(result.elected()).containsExactly("C");
    }

    @Test
    void aTieEqualAtEveryStageIsDecidedByASeededReproducibleLot() {
        Contest contest = BltParser.parse("3 2\n3 1 0\n3 2 0\n10 3 0\n0\nA\nB\nC\nT\n");

        Set<List<String>> outcomes = new HashSet<>();
        for (long seed : LongStream.range(0, 20).toArray()) {
            CountResult once = new ScottishStv(seed).count(contest);
            assertThat(new ScottishStv(seed).count(contest)).isEqualTo(once);
            Stage exclusion = once.stages().stream().filter(s -> s.action() == StageAction.EXCLUSION).findFirst().orElseThrow();
            assertThat(exclusion.notes()).anySatisfy(note -> assertThat(note).contains("by lot (seed " + seed + ", draw 1)"));
            outcomes.add(once.elected());
        }
        assertThat(outcomes).containsExactlyInAnyOrder(List.of("C", "A"), List.of("C", "B"));
    }

    @Test
    void papersWithNoFurtherPreferenceBecomeNonTransferable() {
        Contest contest = BltParser.parse("3 1\n2 1 0\n3 2 0\n4 3 0\n0\nA\nB\nC\nT\n");

        CountResult result = new ScottishStv(0).count(contest);

        Stage exclusion = result.stages().get(1);
        assertThat(exclusion.excluded()).containsExactly("A");
        assertThat(exclusion.nonTransferable()).isEqualByComparingTo("2");
        assertThat(exclusion.totalVotes().add(exclusion.nonTransferable())).isEqualByComparingTo("9");
        assertThat(result.elected()).containsExactly("C");
    }

    @Test
    void withdrawnCandidatesAreSkippedOnEveryPaper() {
        Contest contest = BltParser.parse("3 1\n-2\n4 2 1 0\n3 3 0\n1 2 0\n0\nA\nB\nC\nT\n");

        CountResult result = new ScottishStv(0).count(contest);

        assertThat(result.withdrawn()).containsExactly("B");
        assertThat(result.stages().get(0).votes()).containsOnlyKeys("A", "C").containsEntry("A", votes("4"));
        assertThat(result.rejectedPapers()).isEqualTo(1); // the paper for B alone
        assertThat(result.validVotes()).isEqualByComparingTo("7");
        assertThat(result.elected()).containsExactly("A");
    }

    @Test
    void whenContinuingCandidatesEqualTheVacanciesTheyAreElectedWithoutFurtherTransfers() {
        Contest contest = BltParser.parse("3 2\n6 1 2 0\n2 2 0\n1 3 0\n0\nA\nB\nC\nT\n");

        CountResult result = new ScottishStv(0).count(contest);

        // quota 4; A's surplus puts B on 3.99999 > C, then C is excluded and B is the only one left.
        assertThat(result.elected()).containsExactly("A", "B");
        Stage last = result.finalStage();
        assertThat(last.action()).isEqualTo(StageAction.EXCLUSION);
        assertThat(last.elected()).containsExactly("B");
        assertThat(last.notes()).anySatisfy(note -> assertThat(note).contains("rule 52"));
    }

    @Test
    void moreSeatsThanCandidatesElectsEveryoneAndLeavesSeatsEmpty() {
        Contest contest = BltParser.parse("2 3\n5 1 0\n1 2 0\n0\nA\nB\nT\n");

        CountResult result = new ScottishStv(0).count(contest);

        assertThat(result.elected()).containsExactly("A", "B");
        assertThat(result.stages()).hasSize(1);
        assertThat(result.finalStage().notes()).anySatisfy(note -> assertThat(note).contains("1 seat(s) stay empty"));
    }

    @Test
    void aSharedFirstPreferenceIsRejectedAndALaterOneEndsThePaper() {
        Contest contest = BltParser.parse("3 1\n2 1=2 0\n3 3 1=2 0\n1 1 0\n2 2 0\n0\nA\nB\nC\nT\n");

        CountResult result = new ScottishStv(0).count(contest);

        assertThat(result.rejectedPapers()).isEqualTo(2);
        assertThat(result.validVotes()).isEqualByComparingTo("6");
        // C's three papers cannot go on: the voter's next choice between A and B is unknown.
        assertThat(result.elected()).containsExactly("C");
    }

    @Test
    void countsTheDroopReferenceTieCaseAsItsTranscriptShows() {
        Contest contest = BltParser.read(StvTestData.root().resolve("meek/droop-42-tie/42.blt"));

        CountResult result = new ScottishStv(0).count(contest);

        // 42-scotland-fixed-p5-d5.txt: quota 3; Castor's surplus of 1 goes to Pollux; Pollux is
        // defeated (non-transferable 1) and Helen fills the last seat.
        assertThat(result.quota()).isEqualByComparingTo("3");
        assertThat(result.stages().get(1).votes()).containsExactly(
                java.util.Map.entry("Castor", votes("3")), java.util.Map.entry("Pollux", votes("1")),
                java.util.Map.entry("Helen", votes("2")));
        assertThat(result.finalStage().excluded()).containsExactly("Pollux");
        assertThat(result.finalStage().nonTransferable()).isEqualByComparingTo("1");
        assertThat(result.elected()).containsExactly("Castor", "Helen");
    }

    @Test
    void countingTwiceGivesTheSameResult() {
        Contest contest = BltParser.read(StvTestData.root()
                .resolve("scottish-2017/edinburgh-2017-ward12-leith_walk/ward_12_-_leith_walk_-_preference_profile_report.csv"));

        assertThat(new ScottishStv(7).count(contest)).isEqualTo(new ScottishStv(7).count(contest));
    }
}
