package coop.cooperage.meetings.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** The result is what the JSON API will return, so it must bind with JSON-B as it is. */
class CountResultJsonTest {

    @Test
    void rendersAsJsonWithJsonB() throws Exception {
        Contest contest = BltParser.read(StvTestData.root().resolve(
                "scottish-2017/edinburgh-2017-ward01-almond/ward_1_-_almond_-_preference_profile_report.csv"));
        CountResult result = new ScottishStv(0).count(contest);

        String json;
        try (Jsonb jsonb = JsonbBuilder.create()) {
            json = jsonb.toJson(result);
        }

        JsonObject object = Json.createReader(new StringReader(json)).readObject();
        assertThat(object.getString("method")).isEqualTo("SCOTTISH_STV");
        assertThat(object.getJsonNumber("quota").bigDecimalValue()).isEqualByComparingTo("2842");
        assertThat(object.getJsonArray("elected").getString(3)).isEqualTo("Norrie WORK");
        JsonObject second = object.getJsonArray("stages").getJsonObject(1);
        assertThat(second.getString("action")).isEqualTo("SURPLUS_TRANSFER");
        assertThat(second.getString("subject")).isEqualTo("Kevin  LANG");
        assertThat(second.getJsonObject("votes").getJsonNumber("Louise YOUNG").bigDecimalValue())
                .isEqualByComparingTo("3652.90304");
        assertThat(second.getJsonObject("votes").keySet()).first().isEqualTo("Daniel FRASER");
    }
}
