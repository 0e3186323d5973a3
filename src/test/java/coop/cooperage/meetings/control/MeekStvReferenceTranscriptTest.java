package coop.cooperage.meetings.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared Meek cases: transcripts from stv-rs (byte-identical to Droop.py's "meek" rule,
 * fixed-point with 9 places) and from Droop.py itself. Where the transcript was counted with the
 * rule this engine implements, every election and exclusion must happen in the same order and
 * every candidate's votes, the quota and the residual at that point must match to 9 places.
 * Transcripts of other rules or arithmetic (Droop's PRF reference rule, exact rationals, the
 * forced-positive surplus variant, Scottish STV) are checked for the same outcome.
 */
class MeekStvReferenceTranscriptTest {

    /** How a transcript can be checked against this engine. */
    enum Check {
        /** Same rule and arithmetic: all figures. */
        FIGURES_DROOP_COMPATIBLE,
        FIGURES_EQUALIZED,
        /** Different arithmetic or a variant rule: same winners and defeats. */
        OUTCOME_MEEK,
        OUTCOME_SCOTTISH
    }

    static Stream<Arguments> transcripts() {
        List<Arguments> all = new ArrayList<>();
        for (Path dir : StvTestData.cases("meek")) {
            JsonObject expected = StvTestData.json(dir.resolve("expected.json"));
            for (JsonObject result : expected.getJsonArray("results").getValuesAs(JsonObject.class)) {
                all.add(Arguments.of(dir.getFileName() + "/" + result.getString("transcript"), dir, result));
            }
        }
        return all.stream();
    }

    @Test
    void everySharedCaseIsPresent() {
        assertThat(StvTestData.cases("meek")).hasSize(10);
        assertThat(transcripts()).hasSize(15);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transcripts")
    void countsAsTheReferenceTranscriptShows(String name, Path dir, JsonObject expected) {
        JsonObject header = expected.getJsonObject("header");
        Check check = checkFor(header, expected.getString("counted_with"));
        Contest contest = BltParser.read(dir.resolve(StvTestData.json(dir.resolve("expected.json")).getString("ballot_file")));

        CountResult result = switch (check) {
            case FIGURES_DROOP_COMPATIBLE, OUTCOME_MEEK -> new MeekStv(MeekStv.EqualPreferences.DROOP_COMPATIBLE).count(contest);
            case FIGURES_EQUALIZED -> new MeekStv(MeekStv.EqualPreferences.EQUALIZED).count(contest);
            case OUTCOME_SCOTTISH -> new ScottishStv(0).count(contest);
        };

        assertThat(result.seats()).isEqualTo(Integer.parseInt(header.getString("Seats")));
        assertThat(result.validVotes()).isEqualByComparingTo(header.getString("Ballots"));
        assertThat(result.elected()).containsExactlyElementsOf(strings(expected, "winners_in_election_order"));
        assertThat(result.stages().stream().flatMap(s -> s.excluded().stream()))
                .containsExactlyElementsOf(strings(expected, "defeated_in_order"));
        if (check == Check.FIGURES_DROOP_COMPATIBLE || check == Check.FIGURES_EQUALIZED) {
            assertThat(result.quota()).isEqualByComparingTo(header.getString("Quota"));
            compareFigures(StvTestData.read(dir.resolve(expected.getString("transcript"))), result);
        }
    }

    private static Check checkFor(JsonObject header, String countedWith) {
        String rule = header.getString("Rule");
        if (rule.equals("Scottish STV")) {
            return Check.OUTCOME_SCOTTISH;
        }
        boolean fixed9 = header.getString("Arithmetic").equals("fixed-point decimal arithmetic (9 places)");
        if (!rule.equals("Meek Parametric (omega = 1/10^6)") || !fixed9 || countedWith.contains("--force-positive-surplus")) {
            return Check.OUTCOME_MEEK;
        }
        return header.getString("Implementation").contains("equalized") ? Check.FIGURES_EQUALIZED : Check.FIGURES_DROOP_COMPATIBLE;
    }

    // ---- transcript figures ---------------------------------------------------------------

    /** One "Action:" block of a transcript with the figures printed under it. */
    record Action(String text, Map<String, BigDecimal> votes, Map<String, BigDecimal> stats) {}

    private static final Pattern CANDIDATES = Pattern.compile("^\t(Elected|Hopeful|Defeated):\\s+(.*) \\((-?[0-9.]+)\\)$");
    private static final Pattern STAT = Pattern.compile("^\t(Quota|Residual): (-?[0-9.]+)$");

    static List<Action> actions(String transcript) {
        List<Action> actions = new ArrayList<>();
        Action current = null;
        for (String line : transcript.split("\n")) {
            Matcher candidates = CANDIDATES.matcher(line);
            Matcher stat = STAT.matcher(line);
            if (line.startsWith("Action: ")) {
                current = new Action(line.substring("Action: ".length()), new LinkedHashMap<>(), new LinkedHashMap<>());
                actions.add(current);
            } else if (!line.startsWith("\t")) {
                current = null;
            } else if (current != null && candidates.matches()) {
                for (String candidate : candidates.group(2).split(", ")) {
                    current.votes().put(candidate, new BigDecimal(candidates.group(3)));
                }
            } else if (current != null && stat.matches()) {
                current.stats().put(stat.group(1), new BigDecimal(stat.group(2)));
            }
        }
        return actions;
    }

    private static void compareFigures(String transcript, CountResult result) {
        List<Action> actions = actions(transcript);
        List<Stage> stages = result.stages();
        SoftAssertions softly = new SoftAssertions();
        int stage = 0;
        for (int i = 0; i < actions.size(); i++) {
            Action action = actions.get(i);
            String text = action.text();
            if (text.equals("Begin Count")) {
                // Droop.py prints a zero residual here whatever is exhausted; compare votes only.
                compare(softly, action, stages.get(stage), false);
            } else if (text.startsWith("Elect: ") || text.startsWith("Defeat (")) {
                Stage actual = stages.get(++stage);
                List<String> named = new ArrayList<>();
                named.add(text.substring(text.indexOf(": ") + 2));
                while (text.startsWith("Elect: ") && i + 1 < actions.size() && actions.get(i + 1).text().startsWith("Elect: ")) {
                    named.add(actions.get(++i).text().substring("Elect: ".length()));
                }
                softly.assertThat(text.startsWith("Elect") ? actual.elected() : actual.excluded())
                        .as("stage %d: %s", actual.number(), text).containsExactlyElementsOf(named);
                compare(softly, action, actual, true);
            } else if (text.startsWith("Elect remaining: ") || text.startsWith("Defeat remaining: ")) {
                Stage actual = stages.get(stage + 1);
                softly.assertThat(actual.action()).isEqualTo(StageAction.COMPLETION);
                String candidate = text.substring(text.indexOf(": ") + 2);
                softly.assertThat(text.startsWith("Elect") ? actual.elected() : actual.excluded())
                        .as("completion: %s", text).contains(candidate);
            } else if (text.equals("Count Complete")) {
                compare(softly, action, stages.get(stages.size() - 1), true);
            }
        }
        softly.assertAll();
    }

    private static void compare(SoftAssertions softly, Action action, Stage stage, boolean residual) {
        for (Map.Entry<String, BigDecimal> expected : action.votes().entrySet()) {
            softly.assertThat(stage.votes().get(expected.getKey()))
                    .as("%s: votes of %s", action.text(), expected.getKey())
                    .isEqualByComparingTo(expected.getValue());
        }
        softly.assertThat(stage.votes().keySet()).as("%s: candidates", action.text())
                .containsExactlyInAnyOrderElementsOf(action.votes().keySet());
        softly.assertThat(stage.quota()).as("%s: quota", action.text()).isEqualByComparingTo(action.stats().get("Quota"));
        if (residual) {
            softly.assertThat(stage.nonTransferable().add(stage.lost())).as("%s: residual", action.text())
                    .isEqualByComparingTo(action.stats().get("Residual"));
        }
    }

    private static List<String> strings(JsonObject object, String key) {
        return object.getJsonArray(key).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
