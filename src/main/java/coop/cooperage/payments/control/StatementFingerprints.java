package coop.cooperage.payments.control;

import coop.cooperage.money.Money;
import coop.cooperage.payments.entity.StatementLine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Gives each statement line a fingerprint so that importing the same statement again, or one that
 * overlaps it, adds nothing twice.
 *
 * <p>The fingerprint is SHA-256 over the account key, date, amount, description, reference and
 * the line's <em>occurrence index</em>: how many identical lines (same date, amount, description
 * and reference) came before it in the same file. Two identical £10 payments on one day therefore
 * get indexes 0 and 1: both import the first time, neither the second. A later export of that day
 * holding a third one gives it index 2, so only the new one imports. In effect each day's identical
 * lines are counted as a multiset, which is what a bank statement is.
 *
 * <p>The running balance is deliberately left out, although it would also tell identical lines
 * apart: not every line has one (Co-operative Bank prints none on some rows), and banks may
 * re-order a day's lines between one export and the next, which changes the running balances of
 * lines that are otherwise the same. The occurrence index survives both. Its one blind spot is an
 * export that starts part-way through a day (a "last N transactions" download): the first
 * identical line it holds is taken as the day's first. Exports by date range do not cut days.
 *
 * <p>The account key is the caller's identifier for the society's bank account, not anything read
 * from the file: files do not all name their account (Starling CSV does not), and the same
 * transaction must get the same fingerprint whichever export it arrived in. Whitespace and case
 * in descriptions are normalised because they are presentation, not identity. Fields are
 * length-prefixed so that no two different lines can produce the same hash input.
 */
final class StatementFingerprints {

    /** Bump if the recipe changes; old fingerprints then no longer collide with new ones. */
    private static final String RECIPE = "cooperage-statement-line-v1";

    private StatementFingerprints() {
    }

    static List<StatementLine> assign(String accountKey, List<ParsedLine> parsed) {
        if (accountKey == null || accountKey.isBlank()) {
            throw new IllegalArgumentException("An account key is needed to fingerprint statement lines");
        }
        Map<String, Integer> seen = new HashMap<>();
        List<StatementLine> lines = new ArrayList<>(parsed.size());
        for (ParsedLine p : parsed) {
            String identity = identity(p.date(), p.amount(), p.description(), p.reference());
            int occurrence = seen.merge(identity, 1, Integer::sum) - 1;
            String fingerprint = sha256(field(RECIPE) + field(accountKey) + identity + field(Integer.toString(occurrence)));
            lines.add(new StatementLine(p.date(), p.description(), p.reference(), p.amount(), p.balance(), p.type(),
                    fingerprint));
        }
        return lines;
    }

    private static String identity(LocalDate date, Money amount, String description, String reference) {
        return field(date.toString()) + field(Long.toString(amount.pence())) + field(normalise(description))
                + field(normalise(reference));
    }

    private static String normalise(String text) {
        return text.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }

    private static String field(String value) {
        return value.length() + ":" + value + ";";
    }

    private static String sha256(String input) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(input.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform is required to provide SHA-256.
            throw new IllegalStateException(e);
        }
    }
}
