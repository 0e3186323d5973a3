package coop.cooperage.society.entity;

import static org.assertj.core.api.Assertions.assertThat;

import coop.cooperage.platform.control.InvalidInputException;
import java.math.BigDecimal;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class SocietyRulesTest {

    private static SocietyRules rules(long nominal, long min, long max, long cap) {
        return new SocietyRules(nominal, min, max, cap, 16, 91, new BigDecimal("10"), 14, 20, new BigDecimal("10"), true,
                RuleChangeMajority.TWO_THIRDS, true, 5, 48, 10);
    }

    @Test
    void theDefaultsAreLawfulInBothJurisdictions() {
        for (Jurisdiction j : Jurisdiction.values()) {
            var defaults = SocietyRules.defaults(j);
            assertThat(defaults.validate(j).isEmpty()).as(j.name()).isTrue();
            assertThat(defaults.statutoryCap()).isEqualTo(j.statutoryMaximum());
        }
        assertThat(SocietyRules.defaults(Jurisdiction.GREAT_BRITAIN).statutoryCapPence()).isEqualTo(10_000_000L);
        assertThat(SocietyRules.defaults(Jurisdiction.NORTHERN_IRELAND).statutoryCapPence()).isEqualTo(2_000_000L);
    }

    @Test
    void theCapCannotExceedTheLawOfTheJurisdiction() {
        var gbCap = rules(100, 50, 100_000, 10_000_000L);
        assertThat(gbCap.validate(Jurisdiction.GREAT_BRITAIN).isEmpty()).isTrue();
        assertThat(fields(gbCap, Jurisdiction.NORTHERN_IRELAND)).contains("statutoryCapPence");
        assertThat(fields(rules(100, 50, 100_001, 10_000_100L), Jurisdiction.GREAT_BRITAIN)).contains("statutoryCapPence");
    }

    @Test
    void theMaximumHoldingMustFitUnderTheCapAndAboveTheMinimum() {
        assertThat(fields(rules(100, 50, 100_001, 10_000_000L), Jurisdiction.GREAT_BRITAIN)).containsExactly("maximumHoldingShares");
        assertThat(fields(rules(100, 500, 100, 10_000_000L), Jurisdiction.GREAT_BRITAIN)).containsExactly("maximumHoldingShares");
        // £5 shares: 20,000 of them is the whole £100,000
        assertThat(rules(500, 10, 20_000, 10_000_000L).validate(Jurisdiction.GREAT_BRITAIN).isEmpty()).isTrue();
        assertThat(fields(rules(500, 10, 20_001, 10_000_000L), Jurisdiction.GREAT_BRITAIN)).containsExactly("maximumHoldingShares");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        var bad = new SocietyRules(0, 0, 0, 0, -1, -1, new BigDecimal("101"), -1, 0, new BigDecimal("10.005"), true, null,
                true, 0, -1, 0);
        assertThat(fields(bad, Jurisdiction.GREAT_BRITAIN)).contains("nominalSharePence", "statutoryCapPence",
                "minimumHoldingShares", "minimumAge", "withdrawalNoticeDays", "withdrawalAnnualCapPercent",
                "meetingNoticeClearDays", "quorumMembers", "quorumPercent", "ruleChangeMajority", "proxyMaxPerHolder",
                "proxyDeadlineHours", "retentionYears");
    }

    @Test
    void theBoardQuorumAndReminderPeriodDefaultToTheFormerDeploymentValues() {
        var r = SocietyRules.defaults(Jurisdiction.GREAT_BRITAIN);
        assertThat(r.boardQuorum()).isEqualTo(2);
        assertThat(r.meetingReminderDays()).isEqualTo(7);
        assertThat(r.asMap()).containsEntry("boardQuorum", 2).containsEntry("meetingReminderDays", 7);
        // the older constructor, without the board settings, keeps the same defaults
        assertThat(rules(100, 50, 100_000, 10_000_000L).boardQuorum()).isEqualTo(2);
        assertThat(rules(100, 50, 100_000, 10_000_000L).meetingReminderDays()).isEqualTo(7);
    }

    @Test
    void theBoardQuorumIsAtLeastOneDirectorAndRemindersGoOutWithinTheNoticePeriodsBounds() {
        assertThat(fields(withBoard(0, 7), Jurisdiction.GREAT_BRITAIN)).containsExactly("boardQuorum");
        assertThat(fields(withBoard(101, 7), Jurisdiction.GREAT_BRITAIN)).containsExactly("boardQuorum");
        assertThat(fields(withBoard(2, -1), Jurisdiction.GREAT_BRITAIN)).containsExactly("meetingReminderDays");
        assertThat(fields(withBoard(2, 366), Jurisdiction.GREAT_BRITAIN)).containsExactly("meetingReminderDays");
        assertThat(withBoard(1, 0).validate(Jurisdiction.GREAT_BRITAIN).isEmpty()).isTrue();
        assertThat(withBoard(5, 30).validate(Jurisdiction.GREAT_BRITAIN).isEmpty()).isTrue();
    }

    private static SocietyRules withBoard(int boardQuorum, int reminderDays) {
        return new SocietyRules(100, 50, 100_000, 10_000_000L, 16, 91, new BigDecimal("10"), 14, 20, new BigDecimal("10"), true,
                RuleChangeMajority.TWO_THIRDS, true, 5, 48, 10, boardQuorum, reminderDays);
    }

    @Test
    void quorumIsTheLesserOfTheNumberAndThePercentage() {
        var r = SocietyRules.defaults(Jurisdiction.GREAT_BRITAIN); // 20 members or 10%
        assertThat(r.quorumFor(100)).isEqualTo(10);
        assertThat(r.quorumFor(1000)).isEqualTo(20);
        assertThat(r.quorumFor(95)).isEqualTo(10); // 9.5 rounds up: a quorum is whole people
        assertThat(r.quorumFor(3)).isEqualTo(1);
    }

    private static java.util.List<String> fields(SocietyRules r, Jurisdiction j) {
        try {
            r.validate(j).throwIfAny();
            return java.util.List.of();
        } catch (InvalidInputException e) {
            return e.errors().stream().map(InvalidInputException.FieldError::field).distinct().toList();
        }
    }

    @Test
    void ruleChangeMajoritiesCompareExactly() {
        Assertions.assertThat(RuleChangeMajority.TWO_THIRDS.isMetBy(2, 1)).isTrue();
        Assertions.assertThat(RuleChangeMajority.TWO_THIRDS.isMetBy(199, 101)).isFalse();
        Assertions.assertThat(RuleChangeMajority.THREE_QUARTERS.isMetBy(3, 1)).isTrue();
        Assertions.assertThat(RuleChangeMajority.THREE_QUARTERS.isMetBy(74, 26)).isFalse();
        Assertions.assertThat(RuleChangeMajority.THREE_QUARTERS.isMetBy(0, 0)).isFalse();
    }
}
