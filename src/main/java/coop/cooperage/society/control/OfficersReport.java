package coop.cooperage.society.control;

import coop.cooperage.platform.control.Clocks;
import coop.cooperage.reporting.control.ReportRenderer;
import coop.cooperage.society.entity.OfficerAppointment;
import coop.cooperage.society.entity.Society;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The register of officers as a PDF, from reports/society/officers.jrxml. */
@ApplicationScoped
public class OfficersReport {

    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK);

    @Inject
    Officers officers;

    @Inject
    ReportRenderer renderer;

    @Inject
    Clock clock;

    public byte[] pdf(Society society, LocalDate asAt) {
        List<Map<String, ?>> rows = officers.registerAsAt(society, asAt).stream().<Map<String, ?>>map(o -> row(o, asAt)).toList();
        Map<String, Object> params = new HashMap<>();
        params.put("SOCIETY_NAME", society.name());
        params.put("REGISTRATION_NUMBER", society.fcaNumber());
        params.put("REGISTERED_OFFICE", society.registeredOffice());
        params.put("AS_AT", DATE.format(asAt));
        params.put("BRAND_COLOUR", society.brandColour());
        params.put("GENERATED_AT", ZonedDateTime.now(clock.withZone(Clocks.UK))
                .format(DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", java.util.Locale.UK)));
        return renderer.pdf("society/officers", params, rows);
    }

    /** An appointment that ended after the as-at date was still current then. */
    private static Map<String, ?> row(OfficerAppointment o, LocalDate asAt) {
        boolean endedByThen = o.endedOn() != null && !o.endedOn().isAfter(asAt);
        var row = new HashMap<String, Object>();
        row.put("office", o.office().label());
        row.put("name", o.personName());
        row.put("appointedOn", DATE.format(o.appointedOn()));
        row.put("endedOn", endedByThen ? DATE.format(o.endedOn()) : null);
        row.put("status", endedByThen ? "Former" : "Current");
        return row;
    }
}
