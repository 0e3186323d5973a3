package coop.cooperage.meetings.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CountReportTest {

    @Test
    void setsOutEveryStageAndTheFiguresLikeAResultSheet() {
        Contest contest = BltParser.read(StvTestData.root().resolve(
                "scottish-2017/edinburgh-2017-ward01-almond/ward_1_-_almond_-_preference_profile_report.csv"));

        String report = CountReport.text(new ScottishStv(0).count(contest));

        assertThat(report).startsWith("Ward 1 - Almond\n")
                .contains("Valid votes 14207, rejected papers 0, quota 2842.00000.")
                .contains("Stage 1: first preferences. Elected: Kevin  LANG.")
                .contains("Stage 2: surplus of Kevin  LANG transferred. Elected: Louise YOUNG.")
                .contains("Stage 5: Otto INGLIS excluded.")
                .containsPattern("(?m)^Norrie WORK +1971\\.00000 +2054\\.59936 .* 3744\\.20084$")
                .containsPattern("(?m)^Non-transferable +0\\.00000 ")
                .endsWith("Elected: Kevin  LANG, Louise YOUNG, Graham HUTCHISON, Norrie WORK\n");
    }

    @Test
    void plurality_hasNoQuotaOrTransferRows() {
        Contest contest = BltParser.parse("3 1\n4 1 0\n2 2 0\n0\nA\nB\nC\nBoard election\n");

        String report = CountReport.text(new Plurality(0).count(contest));

        assertThat(report).contains("Plurality, 1 seat(s).").doesNotContain("quota").doesNotContain("Non-transferable")
                .containsPattern("(?m)^A +4$").endsWith("Elected: A\n");
    }

    @Test
    void recordsTheNotesThatExplainTies() {
        Contest contest = BltParser.parse("3 2\n3 1 0\n3 2 0\n10 3 0\n0\nA\nB\nC\nT\n");

        String report = CountReport.text(new ScottishStv(5).count(contest));

        assertThat(report).contains("equal at every stage").contains("by lot (seed 5, draw 1)");
    }
}
