package coop.cooperage.payments.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.cooperage.money.Money;
import coop.cooperage.payments.entity.Statement;
import coop.cooperage.payments.entity.StatementBalance;
import coop.cooperage.payments.entity.StatementLine;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Layouts around the shared sample: rows are built in the sample's column positions (amounts
 * right-aligned to the headings, which end at columns 68, 82 and 97).
 */
class CoopBankTextFormatTest {

    private static final CoopBankTextFormat COOP = new CoopBankTextFormat();
    private static final String PAGE_HEADER = String.join("\r\n",
            "BRANCH : BUSINESS DIRECTPLUS               0892990000000100                                PAGE   1",
            "",
            "BIC : CPBKGB22            IBAN : GB21CPBK08929900000001",
            "",
            "TYPE : BUS DIRPLUS           EXAMPLE LTD                                                  06 DEC 15",
            "",
            "   DATE     DESCRIPTION                                  WITHDRAWALS      DEPOSITS        BALANCE",
            "");

    /** A statement row in the sample's fixed columns. */
    static String row(String date, String description, String withdrawal, String deposit, String balance) {
        StringBuilder line = new StringBuilder(String.format("%9s %-40s", date, description));
        rightAlign(line, withdrawal, 68);
        rightAlign(line, deposit, 82);
        rightAlign(line, balance, 97);
        return line.toString();
    }

    private static void rightAlign(StringBuilder line, String value, int end) {
        if (value.isEmpty()) {
            return;
        }
        while (line.length() < end - value.length()) {
            line.append(' ');
        }
        line.append(value);
    }

    private static Statement parse(String... rows) {
        String text = PAGE_HEADER + "\r\n" + String.join("\r\n", rows) + "\r\n";
        return COOP.parse(text.getBytes(StandardCharsets.US_ASCII), "acct");
    }

    @Test
    void rowBuilderReproducesTheSampleLayout() {
        // Guards the helper: it must build rows exactly as the bank lays them out.
        assertThat(row("1 NOV 15", "WIDGETS LTD", "", "1,200.00", "1,200.00"))
                .isEqualTo(" 1 NOV 15 WIDGETS LTD                                                     1,200.00       1,200.00");
    }

    @Test
    void readsOpeningBalanceDepositsWithdrawalsAndRowsWithoutBalance() {
        Statement s = parse(
                row("", "BROUGHT FORWARD", "", "", "100.00"),
                row("1 SEP 25", "J SMITH SH0012", "", "250.00", "350.00"),
                row("2 SEP 25", "UNTAXED INTEREST", "", "0.07", ""),
                row("2 SEP 25", "DD ENERGY CO", "50.00", "", "300.07"));

        assertThat(s.lines()).extracting(StatementLine::date).containsExactly(
                LocalDate.of(2025, 9, 1), LocalDate.of(2025, 9, 2), LocalDate.of(2025, 9, 2));
        assertThat(s.lines()).extracting(StatementLine::amount)
                .containsExactly(Money.ofPounds(250), Money.ofPence(7), Money.ofPounds(-50));
        assertThat(s.lines()).extracting(StatementLine::description)
                .containsExactly("J SMITH SH0012", "UNTAXED INTEREST", "DD ENERGY CO");
        assertThat(s.lines().get(1).balance()).isEmpty();
        assertThat(s.closingBalance()).contains(new StatementBalance(LocalDate.of(2025, 9, 2), Money.ofPence(30007)));
        assertThat(s.bankId()).contains("089299");
        assertThat(s.accountId()).contains("00000001");
    }

    @Test
    void aBalanceThatDoesNotFollowStopsTheImportAtThatLine() {
        // A deposit read as a withdrawal (or a mangled file) must not import quietly.
        assertThatThrownBy(() -> parse(
                row("", "NEW ACCOUNT", "", "", "NIL."),
                row("1 SEP 25", "J SMITH", "", "250.00", "250.00"),
                row("2 SEP 25", "A JONES", "", "100.00", "150.00")))
                .isInstanceOf(StatementFormatException.class)
                .hasMessage("Line 11: the balance 150.00 does not follow from the previous balance 250.00 and this"
                        + " row's £100.00; the columns may have been misread")
                .extracting(e -> ((StatementFormatException) e).lineNumber()).isEqualTo(11);
    }

    @Test
    void aDatelessAmountRowBelongsToThePreviousDate() {
        Statement s = parse(
                row("3 OCT 25", "A JONES SH0001", "", "10.00", ""),
                row("", "B JONES SH0002", "", "20.00", "30.00"));
        assertThat(s.lines()).extracting(StatementLine::date)
                .containsExactly(LocalDate.of(2025, 10, 3), LocalDate.of(2025, 10, 3));
    }

    @Test
    void continuesAcrossPagesCheckingBroughtForward() {
        String text = PAGE_HEADER + "\r\n"
                + row("1 SEP 25", "J SMITH", "", "250.00", "250.00") + "\r\n"
                + row("", "CARRIED FORWARD", "", "", "250.00") + "\r\n\f"
                + PAGE_HEADER.replace("PAGE   1", "PAGE   2") + "\r\n"
                + row("", "BROUGHT FORWARD", "", "", "250.00") + "\r\n"
                + row("30 SEP 25", "A JONES", "", "1,000.00", "1,250.00") + "\r\n";
        Statement s = COOP.parse(text.getBytes(StandardCharsets.US_ASCII), "acct");
        assertThat(s.lines()).hasSize(2);
        assertThat(s.closingBalance()).contains(new StatementBalance(LocalDate.of(2025, 9, 30), Money.ofPounds(1250)));

        String disagreeing = text.replace(row("", "BROUGHT FORWARD", "", "", "250.00"),
                row("", "BROUGHT FORWARD", "", "", "205.00"));
        assertThatThrownBy(() -> COOP.parse(disagreeing.getBytes(StandardCharsets.US_ASCII), "acct"))
                .hasMessage("Line 19: the balance 205.00 does not agree with the balance so far, 250.00");
    }

    @Test
    void readsAnOverdrawnBalanceMarkedDr() {
        Statement s = parse(
                row("", "BROUGHT FORWARD", "", "", "10.00"),
                row("1 SEP 25", "DD ENERGY CO", "50.00", "", "40.00DR"));
        assertThat(s.lines().get(0).balance()).contains(Money.ofPounds(-40));
    }

    @Test
    void readsSeptemberAsTheBankWritesIt() {
        // Java's en-GB short month is "Sept"; the bank writes "SEP".
        assertThat(parse(row("9 SEP 25", "X", "", "1.00", "")).lines().get(0).date())
                .isEqualTo(LocalDate.of(2025, 9, 9));
    }

    @Test
    void keepsDigitsAndAmountsInsideTheDescription() {
        Statement s = parse(row("1 SEP 25", "REFUND 12.50 INV-001 00000001", "", "12.50", ""));
        assertThat(s.lines().get(0).description()).isEqualTo("REFUND 12.50 INV-001 00000001");
        assertThat(s.lines().get(0).amount()).isEqualTo(Money.ofPence(1250));
    }

    @Test
    void namesTheLineOfRowsItCannotRead() {
        assertThatThrownBy(() -> parse(row("31 FEB 25", "X", "", "1.00", "")))
                .hasMessage("Line 9: '31 FEB 25' is not a date");
        assertThatThrownBy(() -> parse(row("1 SEP 25", "X", "", "", "")))
                .hasMessage("Line 9: a row with no withdrawal, deposit or balance; this layout is not one we know");
        assertThatThrownBy(() -> parse(row("1 SEP 25", "X", "1.00", "2.00", "")))
                .hasMessage("Line 9: a row with both a withdrawal and a deposit");
        assertThatThrownBy(() -> parse(row("", "X", "", "2.00", "")))
                .hasMessage("Line 9: a transaction with no date");
    }

    @Test
    void refusesAFileWithoutTheColumnHeadings() {
        byte[] csv = "Date,Counter Party,Reference\n01/10/2019,An Employer,SALARY\n".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> COOP.parse(csv, "acct")).isInstanceOf(StatementFormatException.class)
                .hasMessage("There is no DATE DESCRIPTION WITHDRAWALS DEPOSITS BALANCE heading line;"
                        + " this is not a Co-operative Bank text statement");
    }

    @Test
    void aQuietPeriodHasNoLines() {
        Statement s = parse(row("", "BROUGHT FORWARD", "", "", "10.00"));
        assertThat(s.lines()).isEqualTo(List.of());
        assertThat(s.closingBalance()).isEmpty();
    }
}
