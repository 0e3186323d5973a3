package coop.cooperage.payments.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.cooperage.money.Money;
import coop.cooperage.platform.control.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A column mapping as the treasurer gives it, and the file it then reads. */
class StatementColumnsTest {

    private static Map<String, String> columns(String... pairs) {
        var m = new HashMap<String, String>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @Test
    void paidInAndOutColumnsWithASemicolonReadMoneyInAndOut() {
        CsvMapping mapping = StatementColumns.mapping(columns("date", "Posted", "description", "Details", "reference", "Ref",
                "paidIn", "In", "paidOut", "Out"), "yyyy-MM-dd", ";");
        var statement = new CsvFormat(mapping).parse("Posted;Details;Ref;In;Out\n2026-01-05;J B;SH-1;75.00;\n2026-01-06;EDF;DD;;12.00\n"
                .getBytes(StandardCharsets.UTF_8), "acct");
        assertThat(statement.lines()).extracting(l -> l.amount()).containsExactly(Money.parse("75.00"), Money.parse("-12.00"));
        assertThat(statement.lines().get(0).reference()).isEqualTo("SH-1");
    }

    @Test
    void everyMissingChoiceIsNamedAtOnce() {
        assertThatThrownBy(() -> StatementColumns.mapping(columns("date", "Date"), "", ""))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.byField())
                        .containsOnlyKeys("description", "amount", "datePattern"));
    }

    @Test
    void oneAmountColumnOrAPairNotBothAndNotHalfAPair() {
        assertThatThrownBy(() -> StatementColumns.mapping(columns("date", "D", "description", "X", "amount", "A", "paidIn", "I"),
                "dd/MM/yyyy", ",")).isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.byField().get("amount")).contains("not both"));
        assertThatThrownBy(() -> StatementColumns.mapping(columns("date", "D", "description", "X", "paidIn", "I"), "dd/MM/yyyy", ","))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.byField()).containsKey("paidOut"));
    }

    @Test
    void aBadDatePatternOrDelimiterIsRefusedAgainstItsField() {
        assertThatThrownBy(() -> StatementColumns.mapping(columns("date", "D", "description", "X", "amount", "A"), "dd/bb/yyyy", ","))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.byField()).containsKey("datePattern"));
        assertThatThrownBy(() -> StatementColumns.mapping(columns("date", "D", "description", "X", "amount", "A"), "dd/MM/yyyy", ";;"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.byField()).containsKey("delimiter"));
        assertThat(StatementColumns.mapping(columns("date", "D", "description", "X", "amount", "A"), "dd/MM/yyyy", "tab").delimiter())
                .isEqualTo('\t');
    }
}
