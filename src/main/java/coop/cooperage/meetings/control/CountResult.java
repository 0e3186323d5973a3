package coop.cooperage.meetings.control;

import java.math.BigDecimal;
import java.util.List;

/**
 * The outcome of a count: who was elected and the stage-by-stage figures that justify it. Every
 * field is a plain value (text, number, list, map), so the record renders directly as JSON and as
 * a report ({@link CountReport}).
 *
 * @param method how the votes were counted
 * @param candidates all candidates in ballot-paper order, including withdrawn ones
 * @param withdrawn candidates who withdrew and were skipped on every paper
 * @param validVotes the number of valid ballot papers
 * @param rejectedPapers papers that were not counted: no preference for a standing candidate, a
 *     first preference shared by several candidates (STV), or more marks than seats (plurality)
 * @param quota the quota at the first stage; null for plurality
 * @param elected the elected candidates in order of election. Scottish STV and plurality list
 *     candidates elected at the same stage in descending order of votes, as declarations do;
 *     Meek's method lists them in ballot-paper order, as the reference implementations do. May
 *     be shorter than {@code seats} when fewer candidates stood than there were seats.
 */
public record CountResult(
        String title,
        CountMethod method,
        int seats,
        List<String> candidates,
        List<String> withdrawn,
        BigDecimal validVotes,
        long rejectedPapers,
        BigDecimal quota,
        List<String> elected,
        List<Stage> stages) {

    public CountResult {
        candidates = List.copyOf(candidates);
        withdrawn = List.copyOf(withdrawn);
        elected = List.copyOf(elected);
        stages = List.copyOf(stages);
    }

    public Stage finalStage() {
        return stages.get(stages.size() - 1);
    }
}
