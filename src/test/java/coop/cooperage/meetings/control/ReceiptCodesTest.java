package coop.cooperage.meetings.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import org.junit.jupiter.api.Test;

class ReceiptCodesTest {

    @Test
    void receiptsAreTwelveCrockfordCharactersInGroupsOfFour() {
        for (int i = 0; i < 1000; i++) {
            assertThat(ReceiptCodes.receipt()).matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
            assertThat(ReceiptCodes.changeCode()).matches("([0-9A-HJKMNP-TV-Z]{4}-){4}[0-9A-HJKMNP-TV-Z]{4}");
        }
    }

    @Test
    void codesAndIdsDoNotRepeat() {
        var receipts = new HashSet<String>();
        var ids = new HashSet<String>();
        for (int i = 0; i < 20_000; i++) {
            receipts.add(ReceiptCodes.receipt());
            ids.add(java.util.HexFormat.of().formatHex(ReceiptCodes.ballotId()));
        }
        assertThat(receipts).hasSize(20_000);
        assertThat(ids).hasSize(20_000);
    }

    @Test
    void typedCodesAreReadForgivingly() {
        assertThat(ReceiptCodes.normaliseReceipt(" ab1o-ilq2 z9xy ")).isEqualTo("AB10-11Q2-Z9XY");
        assertThat(ReceiptCodes.normaliseReceipt("AB10-11Q2")).isNull();
        assertThat(ReceiptCodes.normaliseReceipt("AB10-11Q2-Z9XU")).as("U is not in the alphabet").isNull();
        assertThat(ReceiptCodes.normaliseReceipt(null)).isNull();
        String code = ReceiptCodes.changeCode();
        assertThat(ReceiptCodes.normaliseChangeCode(code.toLowerCase().replace("-", " "))).isEqualTo(code);
    }

    @Test
    void theChangeCodeHashIsSha256() {
        assertThat(ReceiptCodes.hash("ABCD")).hasSize(32);
        assertThat(ReceiptCodes.hash("ABCD")).isEqualTo(ReceiptCodes.hash("ABCD")).isNotEqualTo(ReceiptCodes.hash("ABCE"));
    }
}
