package coop.cooperage.payments.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.cooperage.money.Money;
import coop.cooperage.money.BankDetails;
import coop.cooperage.payments.entity.PaymentInstruction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaymentCsvFileTest {

    @Test
    void writesOneRowPerPaymentWithPoundsAndCleanedText() {
        byte[] csv = PaymentCsvFile.write(BacsDirectCreditFileTest.PAYMENTS);
        assertThat(new String(csv, StandardCharsets.US_ASCII)).isEqualTo(
                "Sort code,Account number,Account name,Amount,Reference\r\n"
                        + "200000,12345678,ZOE OBRIEN,250.00,INTEREST 2025/26\r\n"
                        + "401162,87654321,J SMITH & SONS BUI,1234.56,INTEREST 2025/26\r\n"
                        + "309430,00733445,A. N. OTHER,0.07,WITHDRAWAL W-0003\r\n");
    }

    @Test
    void neverNeedsQuotingNorStartsACellWithAFormulaCharacter() {
        List<PaymentInstruction> payments = List.of(new PaymentInstruction(
                new BankDetails("200000", "12345678", "=HYPERLINK(\"x\"), \"Evil\""),
                Money.ofPence(100), "-2+3, \"quoted\""));
        String row = new String(PaymentCsvFile.write(payments), StandardCharsets.US_ASCII).split("\r\n")[1];
        assertThat(row).isEqualTo("200000,12345678,HYPERLINK X EVIL,1.00,2 3 QUOTED");
        assertThat(row.split(",")).hasSize(5).allSatisfy(cell -> assertThat(cell).doesNotMatch("^[=+\\-@].*"));
    }

    @Test
    void isDeterministic() {
        assertThat(PaymentCsvFile.write(BacsDirectCreditFileTest.PAYMENTS))
                .isEqualTo(PaymentCsvFile.write(List.copyOf(BacsDirectCreditFileTest.PAYMENTS)));
    }

    @Test
    void refusesUnusableNamesAndEmptyRuns() {
        assertThatThrownBy(() -> PaymentCsvFile.write(List.of())).isInstanceOf(PaymentFileException.class)
                .hasMessage("There are no payments to put in the file");
        List<PaymentInstruction> payments = List.of(new PaymentInstruction(
                new BankDetails("200000", "12345678", "王伟"), Money.ofPence(100), "???"));
        assertThatThrownBy(() -> PaymentCsvFile.write(payments)).hasMessage(
                "Payment 1 (王伟, **-**-00 ****5678): the account name has no letters or digits a bank can carry; "
                        + "Payment 1 (王伟, **-**-00 ****5678): the reference '???' has no letters or digits a bank can carry");
    }
}
