package coop.cooperage.payments.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.cooperage.payments.entity.BankStatement;
import coop.cooperage.payments.entity.StatementFileFormat;
import coop.cooperage.platform.control.InvalidInputException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaymentsResourceTest {

    @Test
    void aNullAmongTheLinesToConfirmIsABadRequestNotAServerError() {
        assertThatThrownBy(() -> PaymentsResource.chosen(Arrays.asList(4L, null, 6L)))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors().get(0).message()).contains("Line 2 of lines is null"));
        assertThat(PaymentsResource.chosen(List.of(4L, 6L))).containsOnlyKeys(4L, 6L).containsValues(null, null);
    }

    @Test
    void aStatementShowsTheSocietysAccountMasked() throws Exception {
        var s = new BankStatement(1, StatementFileFormat.OFX, "nov.ofx", "0".repeat(64), "089299", "65432101",
                LocalDate.of(2025, 11, 1), LocalDate.of(2025, 11, 30), 8, 4, 8, LocalDateTime.of(2025, 12, 1, 9, 0), null);
        assertThat(s.bankId()).isEqualTo("****9299");
        assertThat(s.accountId()).isEqualTo("****2101");
        var id = BankStatement.class.getDeclaredField("id");
        id.setAccessible(true);
        id.set(s, 9L);
        var json = PaymentsResource.StatementJson.of(s, null);
        assertThat(json.bankId()).isEqualTo("****9299");
        assertThat(json.accountId()).isEqualTo("****2101");
        assertThat(json.toString()).doesNotContain("089299").doesNotContain("65432101");
        // masking is stable, and short or missing identifiers show nothing of themselves
        assertThat(BankStatement.masked("****2101")).isEqualTo("****2101");
        assertThat(BankStatement.masked("1234")).isEqualTo("****");
        assertThat(BankStatement.masked(" ")).isNull();
        assertThat(BankStatement.masked(null)).isNull();
    }
}
