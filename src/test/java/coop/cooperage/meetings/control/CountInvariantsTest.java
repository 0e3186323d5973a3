package coop.cooperage.meetings.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties every count must have, checked on random contests (seeded, so a failure names the
 * seed that reproduces it): small fields, ties, equal preferences, withdrawals, blank papers
 * and more seats than candidates all turn up.
 */
class CountInvariantsTest {

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    static Contest randomContest(long seed) {
        Random random = new Random(seed * 7919 + 17);
        int candidates = 1 + random.nextInt(8);
        int seats = 1 + random.nextInt(4);
        List<String> names = new ArrayList<>();
        for (int c = 0; c < candidates; c++) {
            names.add("C" + c);
        }
        Set<Integer> withdrawn = new HashSet<>();
        if (candidates > 2 && random.nextInt(4) == 0) {
            withdrawn.add(random.nextInt(candidates));
        }
        List<RankedBallot> ballots = new ArrayList<>();
        int ballotCount = random.nextInt(40);
        for (int b = 0; b < ballotCount; b++) {
            List<Integer> order = new ArrayList<>();
            for (int c = 0; c < candidates; c++) {
                order.add(c);
            }
            Collections.shuffle(order, random);
            int length = random.nextInt(candidates + 1);
            List<List<Integer>> ranks = new ArrayList<>();
            for (int i = 0; i < length; i++) {
                if (!ranks.isEmpty() && random.nextInt(6) == 0) {
                    List<Integer> last = new ArrayList<>(ranks.remove(ranks.size() - 1));
                    last.add(order.get(i));
                    ranks.add(last);
                } else {
                    ranks.add(List.of(order.get(i)));
                }
            }
            ballots.add(new RankedBallot(1 + random.nextInt(random.nextBoolean() ? 3 : 50), ranks));
        }
        return new Contest("random " + seed, seats, names, withdrawn, ballots, null);
    }

    static List<Function<Contest, CountResult>> methods(long seed) {
        return List.of(
                contest -> new ScottishStv(seed).count(contest),
                contest -> new MeekStv(MeekStv.EqualPreferences.DROOP_COMPATIBLE).count(contest),
                contest -> new MeekStv(MeekStv.EqualPreferences.EQUALIZED).count(contest),
                contest -> new Plurality(seed).count(contest));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyMethodFillsTheSeatsDeterministically(long seed) {
        Contest contest = randomContest(seed);
        long standing = contest.candidates().size() - contest.withdrawn().size();
        for (Function<Contest, CountResult> method : methods(seed)) {
            CountResult result = method.apply(contest);

            assertThat(result).as("same result when counted again").isEqualTo(method.apply(contest));
            assertThat(result.elected()).doesNotHaveDuplicates()
                    .hasSize((int) Math.min(contest.seats(), standing))
                    .noneMatch(result.withdrawn()::contains);
            assertThat(result.stages().stream().flatMap(s -> s.elected().stream())).containsExactlyElementsOf(result.elected());
            assertThat(result.stages().stream().flatMap(s -> s.excluded().stream())).noneMatch(result.elected()::contains);
            assertThat(result.validVotes().longValueExact() + result.rejectedPapers()).isEqualTo(contest.paperCount());
            for (int i = 0; i < result.stages().size(); i++) {
                assertThat(result.stages().get(i).number()).isEqualTo(i + 1);
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void stvAccountsForEveryVoteAtEveryStage(long seed) {
        Contest contest = randomContest(seed);
        for (Function<Contest, CountResult> method : methods(seed).subList(0, 3)) {
            CountResult result = method.apply(contest);
            for (Stage stage : result.stages()) {
                assertThat(stage.totalVotes().add(stage.nonTransferable()).add(stage.lost()))
                        .as("%s stage %d", result.method(), stage.number())
                        .isEqualByComparingTo(result.validVotes());
                assertThat(stage.votes().values()).allSatisfy(v -> assertThat(v).isNotNegative());
                assertThat(stage.nonTransferable()).isNotNegative();
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void scottishCountNeverLosesVotesExceptToTruncationAndKeepsElectedOnTheQuota(long seed) {
        CountResult result = new ScottishStv(seed).count(randomContest(seed));

        BigDecimal previousLost = BigDecimal.ZERO;
        BigDecimal previousNonTransferable = BigDecimal.ZERO;
        Set<String> transferred = new HashSet<>();
        for (Stage stage : result.stages()) {
            assertThat(stage.lost()).isGreaterThanOrEqualTo(previousLost);
            assertThat(stage.nonTransferable()).isGreaterThanOrEqualTo(previousNonTransferable);
            previousLost = stage.lost();
            previousNonTransferable = stage.nonTransferable();
            if (stage.action() == StageAction.SURPLUS_TRANSFER) {
                transferred.add(stage.subject());
            }
            for (String candidate : transferred) {
                assertThat(stage.votes().get(candidate)).as("%s at stage %d", candidate, stage.number())
                        .isEqualByComparingTo(result.quota());
            }
            if (stage.action() == StageAction.EXCLUSION) {
                assertThat(stage.votes().get(stage.subject())).isZero();
            }
        }
    }
}
