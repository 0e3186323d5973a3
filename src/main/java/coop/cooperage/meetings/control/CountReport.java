package coop.cooperage.meetings.control;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A count as plain text, laid out like a returning officer's result sheet: what happened at each
 * stage, then a table with a row per candidate and a column per stage. Meant for the record of
 * the meeting, e-mail and logs; the web page and PDF render the same {@link CountResult}.
 */
public final class CountReport {

    private CountReport() {}

    public static String text(CountResult result) {
        StringBuilder out = new StringBuilder();
        out.append(result.title().isBlank() ? "Election" : result.title()).append('\n');
        out.append(describe(result.method())).append(", ").append(result.seats()).append(" seat(s). Valid votes ")
                .append(result.validVotes().toPlainString()).append(", rejected papers ").append(result.rejectedPapers());
        if (result.quota() != null) {
            out.append(", quota ").append(result.quota().toPlainString());
        }
        out.append(".\n");
        if (!result.withdrawn().isEmpty()) {
            out.append("Withdrawn: ").append(String.join(", ", result.withdrawn())).append(".\n");
        }
        out.append('\n');

        for (Stage stage : result.stages()) {
            out.append("Stage ").append(stage.number()).append(": ").append(describe(stage));
            if (!stage.elected().isEmpty()) {
                out.append(" Elected: ").append(String.join(", ", stage.elected())).append('.');
            }
            out.append('\n');
            for (String note : stage.notes()) {
                out.append("    ").append(note).append('\n');
            }
        }
        out.append('\n');

        List<String> labels = new ArrayList<>(result.stages().get(0).votes().keySet());
        boolean transferable = result.method() != CountMethod.PLURALITY;
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add("Stage");
        result.stages().forEach(s -> header.add(String.valueOf(s.number())));
        rows.add(header);
        for (String candidate : labels) {
            List<String> row = new ArrayList<>();
            row.add(candidate);
            result.stages().forEach(s -> row.add(s.votes().get(candidate).toPlainString()));
            rows.add(row);
        }
        if (transferable) {
            rows.add(figures("Non-transferable", result, Stage::nonTransferable));
            rows.add(figures("Lost to rounding", result, Stage::lost));
            rows.add(figures("Quota", result, Stage::quota));
        }
        out.append(table(rows));
        out.append("\nElected: ").append(result.elected().isEmpty() ? "nobody" : String.join(", ", result.elected()))
                .append('\n');
        return out.toString();
    }

    private static List<String> figures(String label, CountResult result, java.util.function.Function<Stage, BigDecimal> value) {
        List<String> row = new ArrayList<>();
        row.add(label);
        result.stages().forEach(s -> row.add(value.apply(s).toPlainString()));
        return row;
    }

    private static String table(List<List<String>> rows) {
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            out.append(String.format("%-" + widths[0] + "s", row.get(0)));
            for (int i = 1; i < columns; i++) {
                out.append("  ").append(String.format("%" + widths[i] + "s", row.get(i)));
            }
            out.append('\n');
        }
        return out.toString();
    }

    static String describe(CountMethod method) {
        return switch (method) {
            case SCOTTISH_STV -> "Single transferable vote (Scottish local government rules)";
            case MEEK_STV -> "Single transferable vote (Meek's method)";
            case PLURALITY -> "Plurality";
        };
    }

    static String describe(Stage stage) {
        return switch (stage.action()) {
            case FIRST_PREFERENCES -> "first preferences.";
            case SURPLUS_TRANSFER -> "surplus of " + stage.subject() + " transferred.";
            case EXCLUSION -> stage.subject() + " excluded.";
            case ELECTION -> "keep factors adjusted.";
            case COMPLETION -> "count completed."
                    + (stage.excluded().isEmpty() ? "" : " Excluded: " + String.join(", ", stage.excluded()) + ".");
        };
    }
}
