package coop.cooperage.meetings.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shared ward of the City of Edinburgh Council election of May 2017 (preference profiles
 * published by the council), counted and compared with the declared result: the same winners in
 * the same order, and every candidate's total at every declared stage to five decimal places.
 */
class ScottishStvOfficialResultsTest {

    static Stream<Path> wards() {
        return StvTestData.cases("scottish-2017").stream();
    }

    @Test
    void allSeventeenEdinburghWardsArePresent() {
        assertThat(wards()).hasSize(17);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wards")
    void reproducesTheDeclaredCount(Path ward) {
        JsonObject expected = StvTestData.json(ward.resolve("expected.json"));
        Contest contest = BltParser.read(ward.resolve(expected.getString("ballot_file")));

        CountResult result = new ScottishStv(2017).count(contest);

        assertThat(contest.candidates()).containsExactlyElementsOf(strings(expected, "candidates_in_ballot_order"));
        assertThat(contest.seats()).isEqualTo(expected.getInt("seats"));
        assertThat(result.validVotes()).isEqualByComparingTo(BigDecimal.valueOf(expected.getInt("valid_poll")));
        assertThat(result.quota()).isEqualByComparingTo(BigDecimal.valueOf(expected.getInt("quota")));
        assertThat(result.elected()).containsExactlyElementsOf(strings(expected, "winners"));

        List<JsonObject> declared = expected.getJsonArray("stages").getValuesAs(JsonObject.class);
        assertThat(result.stages()).as("number of stages").hasSize(declared.size());
        SoftAssertions softly = new SoftAssertions();
        for (int i = 0; i < declared.size(); i++) {
            JsonObject official = declared.get(i);
            Stage stage = result.stages().get(i);
            int number = official.getInt("stage");
            assertThat(stage.number()).isEqualTo(number);
            for (Map.Entry<String, jakarta.json.JsonValue> total : official.getJsonObject("totals").entrySet()) {
                softly.assertThat(stage.votes().get(total.getKey()))
                        .as("stage %d, %s", number, total.getKey())
                        .isEqualByComparingTo(new BigDecimal(((JsonString) total.getValue()).getString()));
            }
            softly.assertThat(stage.elected()).as("elected at stage %d", number)
                    .containsExactlyInAnyOrderElementsOf(strings(official, "newly_elected"));
            // The declaration marks a candidate excluded at the stage whose totals show them
            // lowest; their papers move at the next stage, which is where this count records it.
            List<String> excludedAfter = strings(official, "newly_excluded");
            List<String> excludedNext = i + 1 < result.stages().size() ? result.stages().get(i + 1).excluded() : List.of();
            softly.assertThat(excludedNext).as("excluded after stage %d", number).containsExactlyElementsOf(excludedAfter);
        }
        softly.assertAll();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wards")
    void everyVoteIsAccountedForAtEveryStage(Path ward) {
        JsonObject expected = StvTestData.json(ward.resolve("expected.json"));
        CountResult result = new ScottishStv(1).count(BltParser.read(ward.resolve(expected.getString("ballot_file"))));

        for (Stage stage : result.stages()) {
            assertThat(stage.totalVotes().add(stage.nonTransferable()).add(stage.lost()))
                    .as("stage %d", stage.number())
                    .isEqualByComparingTo(result.validVotes());
        }
    }

    private static List<String> strings(JsonObject object, String key) {
        return object.getJsonArray(key).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
