package coop.cooperage.society.entity;

import static org.assertj.core.api.Assertions.assertThat;

import coop.cooperage.platform.control.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SocietyDetailsTest {

    private static SocietyDetails valid() {
        return new SocietyDetails("riverside", "Riverside Community Energy", "31220R", SocietyType.COMMUNITY_BENEFIT,
                Jurisdiction.GREAT_BRITAIN, "Quay Street, Bristol BS1 4RW", "BS1, BS3", 3, 31, "#0b6e4f");
    }

    @Test
    void aCompleteSocietyIsValid() {
        assertThat(valid().validate().isEmpty()).isTrue();
    }

    @Test
    void inputIsNormalised() {
        var d = new SocietyDetails(" River-Side ", " Name ", " 31220r ", SocietyType.CO_OPERATIVE, Jurisdiction.GREAT_BRITAIN,
                " Office ", "BS1", 12, 31, "#ABCDEF").normalised();
        assertThat(d.slug()).isEqualTo("river-side");
        assertThat(d.fcaNumber()).isEqualTo("31220R");
        assertThat(d.brandColour()).isEqualTo("#abcdef");
        assertThat(d.validate().isEmpty()).isTrue();
    }

    @Test
    void everyBadFieldIsReported() {
        var d = new SocietyDetails("Not A Slug!", "", "31 220", null, null, " ", "Bristol", 2, 30, "green");
        assertThat(fields(d)).containsExactlyInAnyOrder("slug", "name", "fcaNumber", "type", "jurisdiction", "registeredOffice",
                "areaOfBenefit", "yearEnd", "brandColour");
    }

    @Test
    void reservedShortNamesAndTheTwentyNinthOfFebruaryAreRefused() {
        assertThat(fields(withSlug("admin"))).containsExactly("slug");
        var leap = new SocietyDetails("x1", "n", "1", SocietyType.CO_OPERATIVE, Jurisdiction.GREAT_BRITAIN, "o", "BS1", 2, 29, "#000000");
        assertThat(fields(leap)).containsExactly("yearEnd");
    }

    private static SocietyDetails withSlug(String slug) {
        var v = valid();
        return new SocietyDetails(slug, v.name(), v.fcaNumber(), v.type(), v.jurisdiction(), v.registeredOffice(),
                v.areaOfBenefit(), v.yearEndMonth(), v.yearEndDay(), v.brandColour());
    }

    private static List<String> fields(SocietyDetails d) {
        try {
            d.validate().throwIfAny();
            return List.of();
        } catch (InvalidInputException e) {
            return e.errors().stream().map(InvalidInputException.FieldError::field).toList();
        }
    }
}
