package coop.cooperage.payments.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import coop.cooperage.money.Money;
import coop.cooperage.payments.entity.Statement;
import coop.cooperage.payments.entity.StatementBalance;
import coop.cooperage.payments.entity.StatementLine;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every shared bank statement sample parses to exactly what its expected.json (and the expected
 * parse it points to) says. Cases are read from expected.json, so a new case there that this
 * test does not know how to check fails rather than passing unnoticed.
 */
class BankStatementSamplesTest {

    private static final String COOP = "bank-statements/coop-bank-tiredpixel/";
    private static final String STARLING = "bank-statements/starling-official-sdk/";
    private static final String ACCOUNT = "society-1/current-account";

    @TestFactory
    Stream<DynamicTest> coOperativeBankCases() {
        JsonObject expected = SharedTestData.json(COOP + "expected.json");
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonObject c : expected.getJsonArray("cases").getValuesAs(JsonObject.class)) {
            if (c.containsKey("input") && c.getString("input").endsWith(".txt")) {
                tests.add(dynamicTest(c.getString("input"), () -> checkCoopText(c)));
            } else if (c.containsKey("expected_output") && c.getString("expected_output").endsWith(".ofx")) {
                tests.add(dynamicTest(c.getString("expected_output"), () -> checkOfx(c)));
            } else if (c.containsKey("expected_parse_only")) {
                // The HTML statement this YAML was parsed from is not in the sample set (the note
                // says it is absent upstream), so there is nothing to parse. Check the note still
                // says so, so that this test is revisited if the input is added.
                tests.add(dynamicTest(c.getString("expected_parse_only"), () -> {
                    assertThat(c.getString("note")).contains("not present");
                    assertThat(Files.exists(SharedTestData.root().resolve(COOP
                            + c.getString("expected_parse_only").replaceFirst("\\.yaml$", "")))).isFalse();
                }));
            } else {
                tests.add(dynamicTest("unrecognised case " + c, () -> fail("No check for case " + c)));
            }
        }
        assertThat(tests).hasSize(expected.getJsonArray("cases").size());
        return tests.stream();
    }

    private static void checkCoopText(JsonObject c) {
        Statement statement = new CoopBankTextFormat().parse(SharedTestData.bytes(COOP + c.getString("input")), ACCOUNT);
        UpstreamYaml yaml = UpstreamYaml.read(SharedTestData.file(COOP + c.getString("expected_parse")));
        JsonObject summary = c.getJsonObject("expected_summary");

        assertThat(statement.bankId()).contains(yaml.bankId()).contains(summary.getString("bank_id"));
        assertThat(statement.accountId()).contains(yaml.accountId()).contains(summary.getString("account_id"));
        assertThat(yaml.currency()).isEqualTo(summary.getString("currency")).isEqualTo("GBP");
        assertThat(statement.lines()).hasSize(summary.getInt("transactions")).hasSize(yaml.transactions().size());
        assertThat(statement.lines()).extracting(l -> l.amount().pounds().toPlainString())
                .containsExactlyElementsOf(strings(summary, "amounts"));
        for (int i = 0; i < yaml.transactions().size(); i++) {
            UpstreamYaml.Transaction want = yaml.transactions().get(i);
            StatementLine got = statement.lines().get(i);
            assertThat(got.date()).as("date of line %d", i).isEqualTo(want.postedAt());
            assertThat(got.description()).as("description of line %d", i).isEqualTo(want.name());
            assertThat(got.amount()).as("amount of line %d", i).isEqualTo(Money.parse(want.amount()));
            // The text export has no reference or transaction type field. The YAML's types
            // (REPEATPMT for "SO ...", DIRECTDEBIT for "DD ...") are the upstream converter's
            // guesses from the description, not data in the file, so they are not reproduced.
            assertThat(got.reference()).isEmpty();
            assertThat(got.type()).isEmpty();
        }
        assertThat(statement.closingBalance())
                .contains(new StatementBalance(yaml.balanceDate(), Money.parse(yaml.balanceAmount())));
        assertThat(Money.parse(summary.getString("final_balance_in_file")))
                .isEqualTo(Money.parse(yaml.balanceAmount()));
    }

    private static void checkOfx(JsonObject c) {
        Statement statement = new OfxFormat().parse(SharedTestData.bytes(COOP + c.getString("expected_output")), ACCOUNT);
        UpstreamYaml yaml = UpstreamYaml.read(SharedTestData.file(COOP + c.getString("input")));

        assertThat(statement.bankId()).isEqualTo(Optional.ofNullable(yaml.bankId()));
        assertThat(statement.accountId()).contains(yaml.accountId());
        assertThat(statement.lines()).hasSize(yaml.transactions().size());
        for (int i = 0; i < yaml.transactions().size(); i++) {
            UpstreamYaml.Transaction want = yaml.transactions().get(i);
            StatementLine got = statement.lines().get(i);
            assertThat(got.date()).as("date of line %d", i).isEqualTo(want.postedAt());
            assertThat(got.description()).as("description of line %d", i).isEqualTo(want.name());
            assertThat(got.amount()).as("amount of line %d", i).isEqualTo(Money.parse(want.amount()));
            assertThat(got.type()).as("type of line %d", i).isEqualTo(want.type());
            assertThat(got.reference()).isEmpty();
            assertThat(got.balance()).isEmpty();
        }
        assertThat(statement.closingBalance())
                .contains(new StatementBalance(yaml.balanceDate(), Money.parse(yaml.balanceAmount())));
    }

    @Test
    void coOperativeBankCheckingCaseMatchesItsDescription() {
        // The expected.json format note for the CHECKING OFX names its key facts; hold them too.
        Statement statement = new OfxFormat().parse(
                SharedTestData.bytes(COOP + "outputs__OFX__2.1.1_CHECKING.yaml.ofx"), ACCOUNT);
        assertThat(statement.bankId()).contains("089300");
        assertThat(statement.accountId()).contains("00000001");
        assertThat(statement.lines()).extracting(StatementLine::type)
                .containsExactly("OTHER", "XFER", "CREDIT", "DEBIT", "ATM");
        assertThat(statement.closingBalance())
                .contains(new StatementBalance(LocalDate.of(2011, 4, 27), Money.parse("507.78")));
    }

    @Test
    void coOperativeBankTextKeepsPrintedBalancesAndNotesRowsWithout() {
        Statement statement = new CoopBankTextFormat().parse(
                SharedTestData.bytes(COOP + "inputs__TXT__CPBKGB22__Business__Current__2015-12-06.txt"), ACCOUNT);
        assertThat(statement.lines()).extracting(l -> l.balance().map(Money::toString).orElse("none"))
                .containsExactly("£1,200.00", "£632.11", "£88.90", "£2,488.90", "none", "£7,288.97", "£7,276.63",
                        "£7,153.18");
    }

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
