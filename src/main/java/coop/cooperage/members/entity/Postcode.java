package coop.cooperage.members.entity;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A UK postcode in its canonical form ("BS1 4RW"), with its district ("BS1") and sector
 * ("BS1 4") for checking locality against an area of benefit. Includes GIR 0AA and the
 * British Forces and overseas territories' forms only where they follow the standard pattern.
 */
public record Postcode(String value) {

    private static final Pattern FORMAT = Pattern.compile("^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$");

    public Postcode {
        var m = FORMAT.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException("Enter a real UK postcode, like BS1 4RW");
        }
        value = m.group(1) + " " + m.group(2);
    }

    /** Parses what a person typed: any case, with or without the space, surrounding spaces ignored. */
    public static Optional<Postcode> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String cleaned = text.trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        return FORMAT.matcher(cleaned).matches() ? Optional.of(new Postcode(cleaned)) : Optional.empty();
    }

    public String district() {
        return value.substring(0, value.indexOf(' '));
    }

    public String sector() {
        return value.substring(0, value.indexOf(' ') + 2);
    }

    @Override
    public String toString() {
        return value;
    }
}
