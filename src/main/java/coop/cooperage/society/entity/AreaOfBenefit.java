package coop.cooperage.society.entity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The society's area of benefit as UK postcode districts ("BS3") and sectors ("BS3 4"). A
 * postcode is local when its district or its sector is listed.
 */
public final class AreaOfBenefit {

    private static final Pattern DISTRICT = Pattern.compile("^[A-Z]{1,2}[0-9][A-Z0-9]?$");
    private static final Pattern SECTOR = Pattern.compile("^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9]$");
    private static final Pattern POSTCODE = Pattern.compile("^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9])[A-Z]{2}$");

    private final Set<String> entries;

    private AreaOfBenefit(Set<String> entries) {
        this.entries = entries;
    }

    /**
     * Parses a list separated by commas, semicolons or new lines. Throws with every entry that
     * is neither a district nor a sector named.
     */
    public static AreaOfBenefit parse(String text) {
        var entries = new LinkedHashSet<String>();
        var bad = new ArrayList<String>();
        if (text != null) {
            for (String raw : text.split("[,;\\n\\r]+")) {
                String entry = raw.trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
                if (entry.isEmpty()) {
                    continue;
                }
                if (DISTRICT.matcher(entry).matches() || SECTOR.matcher(entry).matches()) {
                    entries.add(entry);
                } else {
                    bad.add(raw.trim());
                }
            }
        }
        if (!bad.isEmpty()) {
            throw new IllegalArgumentException("These are not postcode districts (like BS3) or sectors (like BS3 4): "
                    + String.join(", ", bad));
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("Enter at least one postcode district (like BS3) or sector (like BS3 4)");
        }
        return new AreaOfBenefit(entries);
    }

    public boolean contains(String postcode) {
        if (postcode == null) {
            return false;
        }
        var m = POSTCODE.matcher(postcode.trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", " "));
        if (!m.matches()) {
            return false;
        }
        return entries.contains(m.group(1)) || entries.contains(m.group(1) + " " + m.group(2));
    }

    public List<String> entries() {
        return List.copyOf(entries);
    }

    /** The stored form: entries separated by ", ". */
    @Override
    public String toString() {
        return String.join(", ", entries);
    }
}
