package coop.cooperage.payments.control;

import static org.assertj.core.api.Assertions.assertThat;

import coop.cooperage.money.Money;
import coop.cooperage.payments.entity.Statement;
import coop.cooperage.payments.entity.StatementBalance;
import coop.cooperage.payments.entity.StatementLine;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every shared bank statement sample parses to exactly what its expected.json says. */
class BankStatementSamplesTest {

    private static final String STARLING = "bank-statements/starling-official-sdk/";
    private static final String ACCOUNT = "society-1/current-account";

    @Test
    void starlingSampleParsesToTheExpectedRows() {
        JsonObject expected = SharedTestData.json(STARLING + "expected.json");
        byte[] csv = SharedTestData.bytes(STARLING + "v2-get-statement.csv");

        String header = new String(csv, java.nio.charset.StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
        assertThat(header.split(",")).containsExactlyElementsOf(strings(expected, "header"));
        assertThat(expected.getString("date_format")).isEqualTo("DD/MM/YYYY");

        Statement statement = CsvFormat.starling().parse(csv, ACCOUNT);
        List<JsonObject> rows = expected.getJsonArray("expected_rows").getValuesAs(JsonObject.class);
        assertThat(statement.lines()).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonObject want = rows.get(i);
            StatementLine got = statement.lines().get(i);
            assertThat(got.date()).isEqualTo(LocalDate.parse(want.getString("date")));
            assertThat(got.description()).isEqualTo(want.getString("counter_party"));
            assertThat(got.reference()).isEqualTo(want.getString("reference"));
            assertThat(got.type()).isEqualTo(want.getString("type"));
            assertThat(got.amount()).isEqualTo(Money.parse(want.getString("amount")));
            assertThat(got.balance()).contains(Money.parse(want.getString("balance")));
            // "category" (INCOME, PAYMENTS) is Starling's budgeting label and is deliberately not kept.
        }
        // The source notes the balances are consistent: 5500.00 - 1000.00 = 4500.00.
        assertThat(statement.closingBalance())
                .contains(new StatementBalance(LocalDate.of(2019, 10, 2), Money.parse("4500.00")));
        assertThat(statement.bankId()).isEmpty();
        assertThat(statement.accountId()).isEmpty();
    }

    private static List<String> strings(JsonObject object, String key) {
        return object.getJsonArray(key).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
