package coop.cooperage.society.boundary;

import coop.cooperage.society.entity.RuleChangeMajority;
import coop.cooperage.society.entity.SocietyRules;
import java.math.BigDecimal;

/** A change to the society's rules: fields left out keep their current values. */
public record RulesJson(Long nominalSharePence, Long minimumHoldingShares, Long maximumHoldingShares, Long statutoryCapPence,
        Integer minimumAge, Integer withdrawalNoticeDays, BigDecimal withdrawalAnnualCapPercent, Integer meetingNoticeClearDays,
        Integer quorumMembers, BigDecimal quorumPercent, Boolean quorumCountsProxies, RuleChangeMajority ruleChangeMajority,
        Boolean proxiesAllowed, Integer proxyMaxPerHolder, Integer proxyDeadlineHours, Integer retentionYears,
        Integer boardQuorum, Integer meetingReminderDays) {

    public SocietyRules mergedInto(SocietyRules r) {
        return new SocietyRules(
                or(nominalSharePence, r.nominalSharePence()),
                or(minimumHoldingShares, r.minimumHoldingShares()),
                or(maximumHoldingShares, r.maximumHoldingShares()),
                or(statutoryCapPence, r.statutoryCapPence()),
                or(minimumAge, r.minimumAge()),
                or(withdrawalNoticeDays, r.withdrawalNoticeDays()),
                or(withdrawalAnnualCapPercent, r.withdrawalAnnualCapPercent()),
                or(meetingNoticeClearDays, r.meetingNoticeClearDays()),
                or(quorumMembers, r.quorumMembers()),
                or(quorumPercent, r.quorumPercent()),
                or(quorumCountsProxies, r.quorumCountsProxies()),
                or(ruleChangeMajority, r.ruleChangeMajority()),
                or(proxiesAllowed, r.proxiesAllowed()),
                or(proxyMaxPerHolder, r.proxyMaxPerHolder()),
                or(proxyDeadlineHours, r.proxyDeadlineHours()),
                or(retentionYears, r.retentionYears()),
                or(boardQuorum, r.boardQuorum()),
                or(meetingReminderDays, r.meetingReminderDays()));
    }

    private static <T> T or(T value, T current) {
        return value != null ? value : current;
    }
}
