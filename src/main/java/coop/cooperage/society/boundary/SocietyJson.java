package coop.cooperage.society.boundary;

import coop.cooperage.society.entity.AreaOfBenefit;
import coop.cooperage.society.entity.Jurisdiction;
import coop.cooperage.society.entity.Society;
import coop.cooperage.society.entity.SocietyDetails;
import coop.cooperage.society.entity.SocietyType;
import java.util.List;
import java.util.Map;

/** A society as the API shows it and accepts it. */
public record SocietyJson(String slug, String name, String fcaNumber, SocietyType type, Jurisdiction jurisdiction,
        String registeredOffice, List<String> areaOfBenefit, String financialYearEnd, String brandColour,
        Map<String, Object> rules) {

    public static SocietyJson of(Society s) {
        return new SocietyJson(s.slug(), s.name(), s.fcaNumber(), s.type(), s.jurisdiction(), s.registeredOffice(),
                s.areaOfBenefit().entries(), String.format("--%02d-%02d", s.yearEnd().getMonthValue(), s.yearEnd().getDayOfMonth()),
                s.brandColour(), s.rules().asMap());
    }

    /** Financial year end is given as an ISO month-day, "--03-31". */
    public SocietyDetails details() {
        Integer month = null;
        Integer day = null;
        if (financialYearEnd != null && financialYearEnd.matches("--\\d{2}-\\d{2}")) {
            month = Integer.valueOf(financialYearEnd.substring(2, 4));
            day = Integer.valueOf(financialYearEnd.substring(5, 7));
        }
        return new SocietyDetails(slug, name, fcaNumber, type, jurisdiction, registeredOffice,
                areaOfBenefit == null ? null : String.join(", ", areaOfBenefit), month, day, brandColour);
    }

    static String areaText(AreaOfBenefit area) {
        return area.toString();
    }
}
