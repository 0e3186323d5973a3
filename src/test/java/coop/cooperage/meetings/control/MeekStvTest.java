package coop.cooperage.meetings.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MeekStvTest {

    @Test
    void electsOnFirstPreferencesWhenTheyReachTheQuota() {
        Contest contest = BltParser.parse("3 1\n5 1 0\n2 2 0\n1 3 0\n0\nA\nB\nC\nT\n");

        CountResult result = new MeekStv().count(contest);

        assertThat(result.quota()).isEqualByComparingTo("4.000000001"); // 8 / 2 + 10^-9
        assertThat(result.elected()).containsExactly("A");
        assertThat(result.stages().get(1).action()).isEqualTo(StageAction.ELECTION);
        assertThat(result.stages().get(1).elected()).containsExactly("A");
    }

    @Test
    void exhaustedPapersLowerTheQuota() {
        Contest contest = BltParser.parse("3 1\n2 1 0\n3 2 0\n4 3 0\n0\nA\nB\nC\nT\n");

        CountResult result = new MeekStv().count(contest);

        // A's 2 papers have no second preference: the quota falls from 9/2 to 7/2, which C's 4
        // votes now reach. B is then excluded to complete the count and its 3 papers exhaust too.
        Stage first = result.stages().get(1);
        assertThat(first.excluded()).containsExactly("A");
        assertThat(first.quota()).isEqualByComparingTo("4.500000001");
        Stage second = result.stages().get(2);
        assertThat(second.elected()).containsExactly("C");
        assertThat(second.quota()).isEqualByComparingTo("3.500000001");
        assertThat(second.nonTransferable()).isEqualByComparingTo("2");
        assertThat(result.finalStage().excluded()).containsExactly("B");
        assertThat(result.finalStage().nonTransferable()).isEqualByComparingTo("5");
        assertThat(result.elected()).containsExactly("C");
    }

    @Test
    void surplusFlowsOnThroughKeepFactors() {
        // A has 6 of 9 votes for 2 seats (quota 3): A keeps half of each paper and passes the
        // rest, so B (1 + 3) overtakes C (2).
        Contest contest = BltParser.parse("3 2\n6 1 2 0\n1 2 0\n2 3 0\n0\nA\nB\nC\nT\n");

        CountResult result = new MeekStv().count(contest);

        assertThat(result.elected()).containsExactly("A", "B");
        Stage second = result.stages().stream().filter(s -> s.elected().contains("B")).findFirst().orElseThrow();
        assertThat(second.votes().get("A")).isBetween(new java.math.BigDecimal("3"), new java.math.BigDecimal("3.0001"));
    }

    @Test
    void aPaperNamingOnlyWithdrawnCandidatesIsRejected() {
        Contest contest = BltParser.parse("3 1\n-3\n2 3 0\n3 1 0\n1 2 0\n0\nA\nB\nC\nT\n");

        CountResult result = new MeekStv().count(contest);

        assertThat(result.rejectedPapers()).isEqualTo(2);
        assertThat(result.validVotes()).isEqualByComparingTo("4");
        assertThat(result.stages().get(0).votes()).containsOnlyKeys("A", "B");
        assertThat(result.withdrawn()).containsExactly("C");
    }

    @Test
    void moreSeatsThanCandidatesElectsEveryone() {
        Contest contest = BltParser.parse("2 3\n5 1 0\n1 2 0\n0\nA\nB\nT\n");

        CountResult result = new MeekStv().count(contest);

        assertThat(result.elected()).containsExactly("A", "B");
        assertThat(result.finalStage().action()).isEqualTo(StageAction.COMPLETION);
    }

    @Test
    void aCountWithNoVotesStillEndsAndBreaksEveryTieByTheTieOrder() {
        Contest contest = new Contest("T", 1, List.of("A", "B", "C"), java.util.Set.of(), List.of(), List.of(2, 0, 1));

        CountResult result = new MeekStv().count(contest);

        assertThat(result.stages().stream().flatMap(s -> s.excluded().stream())).containsExactly("C", "A");
        assertThat(result.elected()).containsExactly("B");
    }

    @Test
    void theTwoTreatmentsOfEqualPreferencesAgreeWhenThereAreNone() {
        Contest contest = BltParser.read(StvTestData.root().resolve(
                "scottish-2017/edinburgh-2017-ward03-drum_braegyle/ward_3_-_drum_braegyle_-_preference_profile_report.csv"));

        assertThat(new MeekStv(MeekStv.EqualPreferences.EQUALIZED).count(contest))
                .isEqualTo(new MeekStv(MeekStv.EqualPreferences.DROOP_COMPATIBLE).count(contest));
    }

    @Test
    void countingTwiceGivesTheSameResult() {
        Contest contest = BltParser.read(StvTestData.root().resolve("meek/stvrs-rand-2x10/rand_2x10.blt"));

        assertThat(new MeekStv().count(contest)).isEqualTo(new MeekStv().count(contest));
    }
}
