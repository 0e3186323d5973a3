package coop.cooperage.meetings.control;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * Drawing lots, made reproducible and checkable. Where the rules say a tie is decided "by lot",
 * the count draws here from a seed given to the count. The seed should be chosen openly before
 * the count (a number drawn at the meeting, say) and published with the result; anyone can then
 * re-run the count, or check a single draw by hand:
 *
 * <pre>
 *   text   = seed + ":" + draw + ":" + tied names joined by "|"   (ballot-paper order)
 *   winner = tied[ SHA-256(text as UTF-8), read as an unsigned number, mod tied.size() ]
 *   e.g.  printf '%s' '42:1:Alice|Bob' | sha256sum
 * </pre>
 *
 * <p>{@code draw} counts the draws in this count from 1, so two ties in one count are drawn
 * independently. A hash is used rather than {@code java.util.Random} because consecutive seeds
 * (1, 2, 3...) give {@code Random} nearly the same first draw, and because a hash can be checked
 * without Java. One {@code Lot} serves one count.
 */
final class Lot {

    private final long seed;
    private int draws;

    Lot(long seed) {
        this.seed = seed;
    }

    /** Picks one of the tied candidates (0-based indexes into {@code names}). */
    int draw(List<Integer> tied, List<String> names) {
        List<Integer> ordered = new ArrayList<>(tied);
        ordered.sort(null);
        draws++;
        StringBuilder text = new StringBuilder().append(seed).append(':').append(draws).append(':');
        for (int i = 0; i < ordered.size(); i++) {
            text.append(i == 0 ? "" : "|").append(names.get(ordered.get(i)));
        }
        BigInteger hash = new BigInteger(1, sha256(text.toString()));
        return ordered.get(hash.mod(BigInteger.valueOf(ordered.size())).intValueExact());
    }

    String describeLastDraw() {
        return "by lot (seed " + seed + ", draw " + draws + ")";
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-256", e);
        }
    }
}
