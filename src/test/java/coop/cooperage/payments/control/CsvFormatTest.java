package coop.cooperage.payments.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.cooperage.money.Money;
import coop.cooperage.payments.entity.Statement;
import coop.cooperage.payments.entity.StatementBalance;
import coop.cooperage.payments.entity.StatementLine;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CsvFormatTest {

    private static Statement parse(CsvMapping mapping, String csv) {
        return new CsvFormat(mapping).parse(csv.getBytes(mapping.charset()), "acct");
    }

    @Test
    void paidInAndPaidOutColumnsWithNamedHeaders() {
        CsvMapping mapping = CsvMapping.builder()
                .date("Transaction Date", "dd MMM yyyy")
                .description("Description")
                .reference("Ref")
                .paidInAndOut("Paid In", "Paid Out")
                .balance("Balance")
                .build();
        Statement s = parse(mapping, """
                Transaction Date,Description,Ref,Paid Out,Paid In,Balance,Notes
                03 Sep 2025,"SMITH, JANE",SH-0012,,"1,250.00","1,300.00",
                30 SEP 2025,ENERGY CO,DD,50.00,0.00,1250.00,monthly
                """);
        assertThat(s.lines()).extracting(StatementLine::amount).containsExactly(Money.ofPounds(1250), Money.ofPounds(-50));
        assertThat(s.lines()).extracting(StatementLine::description).containsExactly("SMITH, JANE", "ENERGY CO");
        assertThat(s.lines()).extracting(StatementLine::reference).containsExactly("SH-0012", "DD");
        assertThat(s.lines()).extracting(StatementLine::type).containsExactly("", "");
        assertThat(s.closingBalance()).contains(new StatementBalance(LocalDate.of(2025, 9, 30), Money.ofPounds(1250)));
    }

    @Test
    void numberedColumnsWithoutHeaderSemicolonsAndLatin1() {
        CsvMapping mapping = CsvMapping.builder()
                .noHeader().delimiter(';').charset(Charset.forName("windows-1252"))
                .date(1, "yyyy-MM-dd").amount(3).description(2).type(4)
                .build();
        Statement s = parse(mapping, "2025-09-03;ZOË O'NEILL;-£12.34;FPO\n2025-09-01;X;+7;FPI\n");
        assertThat(s.lines().get(0).description()).isEqualTo("ZOË O'NEILL");
        assertThat(s.lines().get(0).amount()).isEqualTo(Money.ofPence(-1234));
        assertThat(s.lines().get(1).amount()).isEqualTo(Money.ofPounds(7));
        assertThat(s.lines().get(0).type()).isEqualTo("FPO");
        assertThat(s.lines().get(0).balance()).isEmpty();
    }

    @Test
    void newestFirstFilesTakeTheClosingBalanceFromTheTop() {
        CsvMapping mapping = CsvMapping.builder().date("Date", "dd/MM/yyyy").description("Name")
                .amount("Amount").balance("Balance").build();
        Statement s = parse(mapping, "Date,Name,Amount,Balance\n05/09/2025,B,10.00,110.00\n01/09/2025,A,100.00,100.00\n");
        assertThat(s.closingBalance()).contains(new StatementBalance(LocalDate.of(2025, 9, 5), Money.ofPounds(110)));

        Statement sameDay = parse(mapping, "Date,Name,Amount,Balance\n05/09/2025,B,10.00,110.00\n05/09/2025,A,1.00,111.00\n");
        assertThat(sameDay.closingBalance()).as("order cannot be told").isEmpty();
    }

    @Test
    void errorsNameTheLine() {
        CsvMapping mapping = CsvMapping.builder().date("Date", "dd/MM/yyyy").description("Name")
                .amount("Amount").build();
        assertThatThrownBy(() -> parse(mapping, "Date,Name,Amount\n01/09/2025,A,1.00\n31/02/2025,B,1.00\n"))
                .isInstanceOf(StatementFormatException.class)
                .hasMessage("Line 3: date '31/02/2025' is not a date in the form dd/MM/yyyy");
        assertThatThrownBy(() -> parse(mapping, "Date,Name,Amount\n01/09/2025,A,twelve\n"))
                .hasMessage("Line 2: amount 'twelve' is not an amount in pounds");
        assertThatThrownBy(() -> parse(mapping, "Date,Name,Amount\n01/09/2025,A,\"12,50\"\n"))
                .hasMessage("Line 2: amount '12,50' is not an amount in pounds");
        assertThatThrownBy(() -> parse(mapping, "Date,Name,Amount\n01/09/2025,A\n"))
                .hasMessage("Line 2: the row has 2 columns, but 'Amount' is column 3");
        assertThatThrownBy(() -> parse(mapping, "Date,Name,Amount\n,A,1.00\n"))
                .hasMessage("Line 2: the date is missing");
        assertThatThrownBy(() -> parse(mapping, "Date,Name,Value\n01/09/2025,A,1.00\n"))
                .hasMessage("Line 1: the header has no column named 'Amount'");
        assertThatThrownBy(() -> parse(mapping, "Date,Name,Amount,amount\n01/09/2025,A,1.00,2.00\n"))
                .hasMessage("Line 1: the header has more than one column named 'Amount'");
    }

    @Test
    void paidInAndOutErrors() {
        CsvMapping mapping = CsvMapping.builder().date(1, "dd/MM/yyyy").description(2).paidInAndOut(3, 4)
                .noHeader().build();
        assertThatThrownBy(() -> parse(mapping, "01/09/2025,A,,\n"))
                .hasMessage("Line 1: there is neither a paid in nor a paid out amount");
        assertThatThrownBy(() -> parse(mapping, "01/09/2025,A,1.00,2.00\n"))
                .hasMessage("Line 1: there is both a paid in and a paid out amount");
        assertThatThrownBy(() -> parse(mapping, "01/09/2025,A,,-2.00\n"))
                .hasMessage("Line 1: paid out amount '-2.00' is negative; paid in and paid out columns should"
                        + " both hold positive amounts");
    }

    @Test
    void aHeaderWithNoRowsIsAQuietPeriod() {
        Statement s = CsvFormat.starling().parse(
                "Date,Counter Party,Reference,Type,Amount (GBP),Balance (GBP),Spending Category\n"
                        .getBytes(StandardCharsets.UTF_8), "acct");
        assertThat(s.lines()).isEmpty();
        assertThat(s.closingBalance()).isEmpty();
    }

    @Test
    void mappingsAreCheckedWhenBuilt() {
        assertThatThrownBy(() -> CsvMapping.builder().description("Name").amount("Amount").build())
                .hasMessageStartingWith("A CSV mapping needs a date column");
        assertThatThrownBy(() -> CsvMapping.builder().noHeader().date("Date", "dd/MM/yyyy").description(2)
                .amount(3).build())
                .hasMessage("Columns can be named only when the file has a header row");
        assertThatThrownBy(() -> CsvMapping.builder().date(1, "dd/MM/yyyy qq#").description(2).amount(3).build())
                .hasMessage("'dd/MM/yyyy qq#' is not a date pattern like dd/MM/yyyy");
        assertThatThrownBy(() -> CsvMapping.builder().date(0, "dd/MM/yyyy"))
                .hasMessage("Columns are numbered from 1; got 0");
    }
}
