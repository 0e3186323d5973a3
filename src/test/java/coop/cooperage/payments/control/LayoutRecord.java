package coop.cooperage.payments.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

/**
 * A fixed-width record built the way FIELD_LAYOUT.md describes it: blank-filled, with each field
 * put at its 1-based inclusive positions. Tests use it to state the layout independently of the
 * writer, so a field shifted by one in either shows up.
 */
final class LayoutRecord {

    private final char[] chars;

    LayoutRecord(int width) {
        chars = new char[width];
        Arrays.fill(chars, ' ');
    }

    LayoutRecord put(int from, int to, String value) {
        assertThat(value).as("value for positions %d-%d", from, to).hasSize(to - from + 1);
        value.getChars(0, value.length(), chars, from - 1);
        return this;
    }

    @Override
    public String toString() {
        return new String(chars);
    }

    /** Positions from-to (1-based, inclusive) of a record. */
    static String slice(String record, int from, int to) {
        return record.substring(from - 1, to);
    }
}
