package coop.cooperage.payments.control;

import coop.cooperage.money.Money;
import java.util.regex.Pattern;

/**
 * Reads an amount as UK banks write it in their exports. Stricter than {@link Money#parse}: a
 * comma is accepted only as a thousands separator in proper groups of three, so a decimal comma
 * ("12,50") is refused rather than read as twelve hundred and fifty pounds.
 */
final class AmountText {

    private static final Pattern AMOUNT =
            Pattern.compile("[+-]?£?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)?(?:\\.[0-9]+)?");

    private AmountText() {
    }

    static Money parse(String raw, int lineNumber, String what) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty() || !AMOUNT.matcher(text).matches() || !text.matches(".*[0-9].*")) {
            throw new StatementFormatException(lineNumber, what + " '" + text + "' is not an amount in pounds");
        }
        try {
            return Money.parse(text.replace("+", ""));
        } catch (IllegalArgumentException e) {
            throw new StatementFormatException(lineNumber, what + " '" + text + "' is not an amount in pounds and pence");
        }
    }
}
