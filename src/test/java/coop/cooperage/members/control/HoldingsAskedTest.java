package coop.cooperage.members.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.cooperage.members.entity.ShareLine;
import coop.cooperage.members.entity.SharesHeld;
import coop.cooperage.money.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The register's questions to the share ledger: an unanswered question is an error, never "holds nothing". */
class HoldingsAskedTest {

    @Test
    void anUnansweredQuestionFailsRatherThanShowingEmptyHoldings() {
        var asked = new HoldingsAsked(1, List.of(7L), LocalDate.of(2026, 12, 2));
        assertThatThrownBy(asked::answer).isInstanceOf(IllegalStateException.class).hasMessageContaining("observer is missing");
        var statement = new ShareStatementAsked(1, 7);
        assertThatThrownBy(statement::answer).isInstanceOf(IllegalStateException.class).hasMessageContaining("observer is missing");
    }

    @Test
    void theAnswerIsKeptAndASecondAnswerIsRefused() {
        var asked = new HoldingsAsked(1, List.of(7L, 8L), LocalDate.of(2026, 12, 2));
        asked.answer(Map.of(7L, new SharesHeld(100, Money.ofPence(10_000))));
        assertThat(asked.answer()).containsOnlyKeys(7L);
        assertThat(asked.answer().get(7L).shares()).isEqualTo(100);
        assertThatThrownBy(() -> asked.answer(Map.of())).isInstanceOf(IllegalStateException.class);

        var statement = new ShareStatementAsked(1, 7);
        statement.answer(List.of(new ShareLine(LocalDate.of(2025, 1, 1), "OPENING_BALANCE", "Opening balance", 100, 10_000, "Imported")));
        assertThat(statement.answer()).extracting(ShareLine::kindLabel).containsExactly("Opening balance");
        assertThatThrownBy(() -> statement.answer(List.of())).isInstanceOf(IllegalStateException.class);
    }
}
