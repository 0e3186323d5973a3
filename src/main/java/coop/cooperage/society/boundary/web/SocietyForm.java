package coop.cooperage.society.boundary.web;

import coop.cooperage.platform.boundary.web.FormInput;
import coop.cooperage.platform.boundary.web.Option;
import coop.cooperage.platform.boundary.web.Page;
import coop.cooperage.society.entity.Jurisdiction;
import coop.cooperage.society.entity.Society;
import coop.cooperage.society.entity.SocietyDetails;
import coop.cooperage.society.entity.SocietyType;
import java.util.Arrays;
import java.util.Map;

/** The society details form, shared by creating a society and editing one. */
final class SocietyForm {

    private SocietyForm() {
    }

    static SocietyDetails details(FormInput in) {
        SocietyType type = in.choice("type", SocietyType.class, "Choose the type of society");
        Jurisdiction jurisdiction = in.choice("jurisdiction", Jurisdiction.class, "Choose where the society is registered");
        Integer month = in.integer("yearEndMonth", "Enter the month the financial year ends, 1 to 12");
        Integer day = in.integer("yearEndDay", "Enter the day the financial year ends");
        var details = new SocietyDetails(in.text("slug"), in.text("name"), in.text("fcaNumber"), type, jurisdiction,
                in.text("registeredOffice"), in.text("areaOfBenefit"), month, day, in.text("brandColour"));
        // a field unreadable as typed gets the reading error, not a second one from validation
        in.errors().merge(details.normalised().validate()).throwIfAny();
        return details;
    }

    static Page page(Society society, Map<String, String> values, Map<String, String> errors) {
        return Page.of("admin/society-form").with("title", society == null ? "Create a society" : "Society details")
                .with("society", society).with("form", values).with("errors", errors)
                .with("types", Arrays.stream(SocietyType.values()).map(t -> new Option(t.name(), t.label())).toList())
                .with("jurisdictions", Arrays.stream(Jurisdiction.values()).map(j -> new Option(j.name(), j.label())).toList());
    }
}
