package coop.cooperage.society.entity;

import coop.cooperage.platform.control.FieldErrors;
import java.time.DateTimeException;
import java.time.MonthDay;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** What identifies and describes a society, as entered; {@link #validate()} checks it all at once. */
public record SocietyDetails(String slug, String name, String fcaNumber, SocietyType type, Jurisdiction jurisdiction,
        String registeredOffice, String areaOfBenefit, Integer yearEndMonth, Integer yearEndDay, String brandColour) {

    private static final Pattern SLUG = Pattern.compile("^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$");
    private static final Pattern FCA = Pattern.compile("^[A-Z0-9]{1,20}$");
    private static final Pattern COLOUR = Pattern.compile("^#[0-9a-f]{6}$");
    /** Words the web UI uses as paths; a society cannot take them as its short name. */
    private static final Set<String> RESERVED = Set.of("new", "api", "admin", "assets", "health", "openapi", "metrics");

    /** Trims and normalises case so that stored values are canonical. */
    public SocietyDetails normalised() {
        return new SocietyDetails(lower(slug), trim(name), fcaNumber == null ? null : fcaNumber.trim().toUpperCase(Locale.ROOT),
                type, jurisdiction, trim(registeredOffice), areaOfBenefit, yearEndMonth, yearEndDay, lower(brandColour));
    }

    public FieldErrors validate() {
        var errors = new FieldErrors();
        errors.check(name != null && !name.isBlank() && name.length() <= 200, "name", "Enter the society's registered name");
        if (slug == null || !SLUG.matcher(slug).matches()) {
            errors.add("slug", "Short name must be 2 to 40 lowercase letters, digits or hyphens, like riverside-energy");
        } else if (slug.length() < 2 || RESERVED.contains(slug)) {
            errors.add("slug", "Choose another short name: \"" + slug + "\" is not available");
        }
        errors.check(fcaNumber != null && FCA.matcher(fcaNumber).matches(), "fcaNumber",
                "Enter the FCA registration number, like 31220R");
        errors.check(type != null, "type", "Choose the type of society");
        errors.check(jurisdiction != null, "jurisdiction", "Choose where the society is registered");
        errors.check(registeredOffice != null && !registeredOffice.isBlank() && registeredOffice.length() <= 500,
                "registeredOffice", "Enter the registered office address");
        try {
            AreaOfBenefit.parse(areaOfBenefit);
        } catch (IllegalArgumentException e) {
            errors.add("areaOfBenefit", e.getMessage());
        }
        if (yearEndMonth == null || yearEndDay == null) {
            errors.add("yearEnd", "Enter the financial year end as a day and month, like 31 3");
        } else {
            try {
                MonthDay md = MonthDay.of(yearEndMonth, yearEndDay);
                errors.check(!md.equals(MonthDay.of(2, 29)), "yearEnd", "The financial year cannot end on 29 February");
            } catch (DateTimeException e) {
                errors.add("yearEnd", "Financial year end must be a real date, like 31 3 for 31 March");
            }
        }
        errors.check(brandColour != null && COLOUR.matcher(brandColour).matches(), "brandColour",
                "Enter the brand colour as a hex code, like #1d70b8");
        return errors;
    }

    public Map<String, Object> asMap() {
        var m = new LinkedHashMap<String, Object>();
        m.put("slug", slug);
        m.put("name", name);
        m.put("fcaNumber", fcaNumber);
        m.put("type", type == null ? null : type.name());
        m.put("jurisdiction", jurisdiction == null ? null : jurisdiction.name());
        m.put("registeredOffice", registeredOffice);
        m.put("areaOfBenefit", areaOfBenefit);
        m.put("yearEndMonth", yearEndMonth);
        m.put("yearEndDay", yearEndDay);
        m.put("brandColour", brandColour);
        return m;
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

    private static String lower(String s) {
        return s == null ? null : s.trim().toLowerCase(Locale.ROOT);
    }
}
