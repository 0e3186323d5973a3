package coop.cooperage.meetings.control;

import coop.cooperage.meetings.entity.Election;
import coop.cooperage.platform.control.Clocks;
import coop.cooperage.reporting.control.ReportRenderer;
import coop.cooperage.society.entity.Society;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The declared count as a PDF ("meetings/countReport"): the same figures as the JSON report, a row per stage. */
@ApplicationScoped
public class CountReportPdf {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);

    @Inject
    ReportRenderer renderer;

    @Inject
    Clock clock;

    public byte[] render(Society society, Election election, CountResult result) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put(ReportRenderer.SOCIETY_NAME, society.name());
        parameters.put("ELECTION_TITLE", election.title());
        parameters.put("SUMMARY", summary(result));
        parameters.put("ELECTED", result.elected().isEmpty() ? "nobody" : String.join(", ", result.elected()));
        parameters.put("DECLARED_AT", election.declaredAt() == null ? null : election.declaredAt().format(WHEN));
        parameters.put("GENERATED_AT", LocalDateTime.now(clock.withZone(Clocks.UK)).format(WHEN));
        return renderer.pdf("meetings/countReport", parameters, rows(result));
    }

    static String summary(CountResult result) {
        return CountReport.describe(result.method()) + ", " + result.seats() + " seat" + (result.seats() == 1 ? "" : "s")
                + ". Valid votes " + result.validVotes().toPlainString() + ", rejected papers " + result.rejectedPapers()
                + (result.quota() == null ? "" : ", quota " + result.quota().toPlainString()) + ".";
    }

    static List<Map<String, ?>> rows(CountResult result) {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (Stage stage : result.stages()) {
            var action = new StringBuilder(CountReport.describe(stage));
            if (!stage.elected().isEmpty()) {
                action.append("\nElected: ").append(String.join(", ", stage.elected()));
            }
            for (String note : stage.notes()) {
                action.append('\n').append(note);
            }
            var totals = new StringBuilder();
            stage.votes().forEach((name, votes) -> totals.append(name).append(": ").append(votes.toPlainString()).append('\n'));
            if (result.quota() != null) {
                totals.append("Non-transferable: ").append(stage.nonTransferable().toPlainString());
            }
            rows.add(Map.of("stage", String.valueOf(stage.number()), "action", action.toString(), "totals", totals.toString().strip()));
        }
        return rows;
    }
}
