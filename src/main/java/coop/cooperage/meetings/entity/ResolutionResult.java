package coop.cooperage.meetings.entity;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * The declared result of one resolution, with the figures a chair reads out and the minutes
 * record. Whether it passed was decided in whole numbers; {@code percentFor} (for as a share of
 * votes cast, 2 dp half-up, 0.00 when none were cast) is for display only and never compared.
 *
 * @param reason why it failed; null when it passed
 */
public record ResolutionResult(ResolutionKind kind, boolean passed, Tally tally, BigDecimal percentFor,
        String threshold, String reason) {

    public ResolutionResult {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(tally, "tally");
        Objects.requireNonNull(threshold, "threshold");
        if (passed == (reason != null)) {
            throw new IllegalArgumentException("A failed result needs a reason and a passed one has none");
        }
    }

    public Optional<String> reasonFailed() {
        return Optional.ofNullable(reason);
    }

    /** "Passed: 200 for, 100 against, 5 abstentions (66.67% of 300 votes cast)" and the like. */
    public String declaration() {
        String figures = tally.votesFor() + " for, " + tally.against() + " against, " + tally.abstain()
                + " abstentions (" + percentFor.toPlainString() + "% of " + tally.votesCast() + " votes cast; needed: "
                + threshold + ")";
        return passed ? "Passed: " + figures : "Failed: " + figures + ". " + reason;
    }
}
