package coop.cooperage.meetings.control;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One stage of a count, as a returning officer would declare it.
 *
 * @param number 1 for the first preferences, then counting up
 * @param action what was done at this stage
 * @param subject whose surplus or papers were transferred, or who was excluded; null at the
 *     first stage and for Meek's election and completion stages
 * @param elected candidates deemed elected at this stage, in order of election
 * @param excluded candidates excluded at this stage
 * @param votes each standing candidate's total at the end of the stage, in ballot-paper order
 *     (withdrawn candidates are left out)
 * @param nonTransferable total value of papers that had no further preference for a continuing
 *     candidate, so far
 * @param lost total value lost so far because transfer values and keep factors are truncated to
 *     the method's fixed number of decimal places. In STV the stage totals, {@code nonTransferable}
 *     and {@code lost} always add up exactly to the valid vote (in plurality a paper gives a vote
 *     to each candidate it marks, so they do not).
 * @param quota the quota in force at this stage (Meek's method recomputes it as votes exhaust);
 *     null for plurality
 * @param notes the reasons for decisions a reader could not see from the figures: ties and how
 *     they were broken, seats filled because candidates were as few as vacancies
 */
public record Stage(
        int number,
        StageAction action,
        String subject,
        List<String> elected,
        List<String> excluded,
        Map<String, BigDecimal> votes,
        BigDecimal nonTransferable,
        BigDecimal lost,
        BigDecimal quota,
        List<String> notes) {

    public Stage {
        elected = List.copyOf(elected);
        excluded = List.copyOf(excluded);
        // Map.copyOf would lose the ballot-paper order that reports rely on.
        votes = Collections.unmodifiableMap(new LinkedHashMap<>(votes));
        notes = List.copyOf(notes);
    }

    /** The sum of the candidates' totals at this stage. */
    public BigDecimal totalVotes() {
        return votes.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
