package coop.cooperage.meetings.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;

/**
 * Prints how long each counting method takes on a large random election. Not a test: timings
 * depend on the machine, so nothing asserts on them (see DESIGN.md, Tests). Run it with
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.mainClass=coop.cooperage.meetings.control.StvBenchmark -Dexec.classpathScope=test
 * </pre>
 *
 * <p>optionally with {@code -Dexec.args="ballots candidates seats seed"} (default
 * {@code 30000 12 3 1}). Ballots are drawn with a Plackett-Luce model: each candidate has a
 * random popularity, each voter ranks a random number of candidates, more popular ones more
 * often first. Uniformly random ballots would be unrealistically close and make every count
 * turn on rounding. Plurality counts the same papers cut to their first N marks.
 *
 * <p>Each method is timed once cold (what the first count after a deployment costs) and then
 * as the median of warm runs, in milliseconds.
 */
public final class StvBenchmark {

    private static final int WARM_RUNS = 9;

    private StvBenchmark() {}

    public static void main(String[] args) {
        int ballots = args.length > 0 ? Integer.parseInt(args[0]) : 30_000;
        int candidates = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        int seats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 1;

        Contest ranked = randomElection(ballots, candidates, seats, seed);
        Contest marked = new Contest(ranked.title(), seats, ranked.candidates(), ranked.ballots().stream()
                .map(b -> new RankedBallot(b.weight(), b.ranks().subList(0, Math.min(seats, b.ranks().size()))))
                .toList());

        System.out.printf(Locale.ROOT, "%,d random ballots, %d candidates, %d seats (seed %d), Java %s, %d processors%n",
                ballots, candidates, seats, seed, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        time("Scottish STV", ranked, c -> new ScottishStv(seed).count(c));
        time("Meek STV", ranked, c -> new MeekStv().count(c));
        time("Plurality", marked, c -> new Plurality(seed).count(c));
    }

    private static void time(String name, Contest contest, Function<Contest, CountResult> count) {
        long start = System.nanoTime();
        CountResult result = count.apply(contest);
        double cold = (System.nanoTime() - start) / 1e6;
        double[] warm = new double[WARM_RUNS];
        for (int i = 0; i < WARM_RUNS; i++) {
            start = System.nanoTime();
            CountResult again = count.apply(contest);
            warm[i] = (System.nanoTime() - start) / 1e6;
            if (!again.equals(result)) {
                throw new IllegalStateException(name + " gave a different result when counted again");
            }
        }
        Arrays.sort(warm);
        System.out.printf(Locale.ROOT, "%-13s cold %8.1f ms   warm median %8.1f ms   %2d stages   elected %s%n",
                name, cold, warm[WARM_RUNS / 2], result.stages().size(), result.elected());
    }

    static Contest randomElection(int ballotCount, int candidateCount, int seats, long seed) {
        Random random = new Random(seed);
        double[] popularity = new double[candidateCount];
        List<String> names = new ArrayList<>();
        for (int c = 0; c < candidateCount; c++) {
            popularity[c] = 0.2 + random.nextDouble();
            names.add("Candidate " + (char) ('A' + c % 26) + (c >= 26 ? String.valueOf(c / 26) : ""));
        }
        List<RankedBallot> ballots = new ArrayList<>(ballotCount);
        for (int b = 0; b < ballotCount; b++) {
            int length = 1 + random.nextInt(candidateCount);
            boolean[] used = new boolean[candidateCount];
            Integer[] order = new Integer[length];
            for (int i = 0; i < length; i++) {
                double total = 0;
                for (int c = 0; c < candidateCount; c++) {
                    total += used[c] ? 0 : popularity[c];
                }
                double pick = random.nextDouble() * total;
                int chosen = -1;
                for (int c = 0; c < candidateCount && chosen < 0; c++) {
                    if (!used[c]) {
                        pick -= popularity[c];
                        if (pick < 0) {
                            chosen = c;
                        }
                    }
                }
                if (chosen < 0) { // rounding left pick at exactly 0: take the last unused
                    for (int c = candidateCount - 1; chosen < 0; c--) {
                        chosen = used[c] ? -1 : c;
                    }
                }
                used[chosen] = true;
                order[i] = chosen;
            }
            ballots.add(RankedBallot.of(1, order));
        }
        return new Contest("Benchmark", seats, names, ballots);
    }
}
