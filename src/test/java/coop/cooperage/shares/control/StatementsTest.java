package coop.cooperage.shares.control;

import static org.assertj.core.api.Assertions.assertThat;

import coop.cooperage.money.Money;
import coop.cooperage.shares.entity.Holding;
import coop.cooperage.shares.entity.ShareEntry;
import coop.cooperage.shares.entity.ShareEntryKind;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementsTest {

    private static ShareEntry entry(ShareEntryKind kind, long shares, long pence, String on, String ref) {
        return new ShareEntry(1, 2, kind, shares, pence, LocalDate.parse(on), ref, LocalDateTime.of(2026, 1, 1, 0, 0));
    }

    @Test
    void eachLineCarriesTheRunningBalanceAndTheLastIsTheHolding() {
        var s = Statements.build(null, List.of(entry(ShareEntryKind.ALLOTMENT, 500, 500_00, "2024-01-10", "offer-1"),
                entry(ShareEntryKind.WRITE_DOWN, 0, -50_00, "2025-03-31", "Losses"),
                entry(ShareEntryKind.WITHDRAWAL, -100, -90_00, "2025-06-01", "withdrawal-7")));
        assertThat(s.lines()).extracting(Statements.Line::balanceShares).containsExactly(500L, 500L, 400L);
        assertThat(s.lines()).extracting(Statements.Line::balanceAmount)
                .containsExactly(Money.ofPence(500_00), Money.ofPence(450_00), Money.ofPence(360_00));
        assertThat(s.holding()).isEqualTo(new Holding(400, Money.ofPence(360_00)));
    }

    @Test
    void theCsvIsPlainNumbersAndIsoDatesAndDisarmsFormulas() {
        var s = Statements.build(null, List.of(entry(ShareEntryKind.CORRECTION, 10, 10_00, "2025-01-01", "=HYPERLINK(\"x\")")));
        String csv = new String(Statements.csv(s), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFDate,Entry,Reference,Shares,Amount (£),Balance shares,Balance (£)\r\n");
        assertThat(csv).contains("2025-01-01,\"Correction\",\"'=HYPERLINK(\"\"x\"\")\",10,10.00,10,10.00\r\n");
    }
}
