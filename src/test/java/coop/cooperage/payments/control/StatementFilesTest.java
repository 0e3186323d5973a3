package coop.cooperage.payments.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.cooperage.payments.entity.StatementFileFormat;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Which shared samples are recognised without asking, and that nothing else is guessed. */
class StatementFilesTest {

    private static final String COOP = "bank-statements/coop-bank-tiredpixel/";

    @Test
    void theSharedSamplesAreRecognisedByTheirSignatures() {
        assertThat(StatementFiles.recognise(SharedTestData.bytes(COOP + "inputs__TXT__CPBKGB22__Business__Current__2015-12-06.txt")))
                .contains(StatementFileFormat.COOP_BANK_TEXT);
        assertThat(StatementFiles.recognise(SharedTestData.bytes(COOP + "outputs__OFX__2.1.1_CHECKING.yaml.ofx")))
                .contains(StatementFileFormat.OFX);
        assertThat(StatementFiles.recognise(SharedTestData.bytes(COOP + "outputs__OFX__2.1.1_CREDITLINE.yaml.ofx")))
                .contains(StatementFileFormat.OFX);
        assertThat(StatementFiles.recognise(SharedTestData.bytes("bank-statements/starling-official-sdk/v2-get-statement.csv")))
                .contains(StatementFileFormat.STARLING_CSV);
    }

    @Test
    void anyOtherCsvOrTextIsNotGuessed() {
        assertThat(StatementFiles.recognise("Date,Paid in,Paid out,Details\n01/02/2025,10.00,,X\n".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(StatementFiles.recognise("hello".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(StatementFiles.recognise(new byte[0])).isEmpty();
    }

    @Test
    void theSameBytesHaveTheSameFileFingerprintAndOneByteChangesIt() {
        byte[] a = "Date,Amount\n".getBytes(StandardCharsets.UTF_8);
        byte[] b = "Date,Amount \n".getBytes(StandardCharsets.UTF_8);
        assertThat(StatementFiles.sha256(a)).isEqualTo(StatementFiles.sha256(a.clone())).isNotEqualTo(StatementFiles.sha256(b))
                .hasSize(64);
    }

    @Test
    void aCsvHeaderIsOfferedForMappingAndAOneColumnFileIsRefused() {
        assertThat(StatementFiles.csvHeader("Date, Paid in ,Details\n1,2,3\n".getBytes(StandardCharsets.UTF_8), ','))
                .containsExactly("Date", "Paid in", "Details");
        assertThatThrownBy(() -> StatementFiles.csvHeader("just text\n".getBytes(StandardCharsets.UTF_8), ','))
                .isInstanceOf(StatementFormatException.class).hasMessageContaining("only one column");
    }
}
