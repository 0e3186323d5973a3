package coop.cooperage.society.entity;

import coop.cooperage.money.Money;
import coop.cooperage.platform.control.FieldErrors;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The society's rules that Cooperage enforces, held as settings. Defaults are the usual values
 * (../shared/DOMAIN.md); every rule is checked against the law and against the others.
 */
@Embeddable
public class SocietyRules {

    @Column(name = "nominal_share_pence")
    private long nominalSharePence;

    @Column(name = "minimum_holding_shares")
    private long minimumHoldingShares;

    @Column(name = "maximum_holding_shares")
    private long maximumHoldingShares;

    @Column(name = "statutory_cap_pence")
    private long statutoryCapPence;

    @Column(name = "minimum_age")
    private int minimumAge;

    @Column(name = "withdrawal_notice_days")
    private int withdrawalNoticeDays;

    @Column(name = "withdrawal_annual_cap_pct")
    private BigDecimal withdrawalAnnualCapPercent;

    @Column(name = "meeting_notice_clear_days")
    private int meetingNoticeClearDays;

    @Column(name = "quorum_members")
    private int quorumMembers;

    @Column(name = "quorum_percent")
    private BigDecimal quorumPercent;

    @Column(name = "quorum_counts_proxies")
    private boolean quorumCountsProxies;

    @Enumerated(EnumType.STRING)
    @Column(name = "rule_change_majority")
    private RuleChangeMajority ruleChangeMajority;

    @Column(name = "proxies_allowed")
    private boolean proxiesAllowed;

    @Column(name = "proxy_max_per_holder")
    private int proxyMaxPerHolder;

    @Column(name = "proxy_deadline_hours")
    private int proxyDeadlineHours;

    @Column(name = "retention_years")
    private int retentionYears;

    @Column(name = "board_quorum")
    private int boardQuorum;

    @Column(name = "meeting_reminder_days")
    private int meetingReminderDays;

    /** The board's quorum and the reminder period were deployment settings until V18_1; these were their defaults. */
    public static final int USUAL_BOARD_QUORUM = 2;
    public static final int USUAL_MEETING_REMINDER_DAYS = 7;

    protected SocietyRules() {
    }

    /** The rules with the usual board quorum and reminder period ({@link #USUAL_BOARD_QUORUM}, {@link #USUAL_MEETING_REMINDER_DAYS}). */
    @SuppressWarnings("java:S107")
    public SocietyRules(long nominalSharePence, long minimumHoldingShares, long maximumHoldingShares, long statutoryCapPence,
            int minimumAge, int withdrawalNoticeDays, BigDecimal withdrawalAnnualCapPercent, int meetingNoticeClearDays,
            int quorumMembers, BigDecimal quorumPercent, boolean quorumCountsProxies, RuleChangeMajority ruleChangeMajority,
            boolean proxiesAllowed, int proxyMaxPerHolder, int proxyDeadlineHours, int retentionYears) {
        this(nominalSharePence, minimumHoldingShares, maximumHoldingShares, statutoryCapPence, minimumAge, withdrawalNoticeDays,
                withdrawalAnnualCapPercent, meetingNoticeClearDays, quorumMembers, quorumPercent, quorumCountsProxies,
                ruleChangeMajority, proxiesAllowed, proxyMaxPerHolder, proxyDeadlineHours, retentionYears, USUAL_BOARD_QUORUM,
                USUAL_MEETING_REMINDER_DAYS);
    }

    @SuppressWarnings("java:S107") // one argument per rule is the honest shape of a settings record
    public SocietyRules(long nominalSharePence, long minimumHoldingShares, long maximumHoldingShares, long statutoryCapPence,
            int minimumAge, int withdrawalNoticeDays, BigDecimal withdrawalAnnualCapPercent, int meetingNoticeClearDays,
            int quorumMembers, BigDecimal quorumPercent, boolean quorumCountsProxies, RuleChangeMajority ruleChangeMajority,
            boolean proxiesAllowed, int proxyMaxPerHolder, int proxyDeadlineHours, int retentionYears, int boardQuorum,
            int meetingReminderDays) {
        this.nominalSharePence = nominalSharePence;
        this.minimumHoldingShares = minimumHoldingShares;
        this.maximumHoldingShares = maximumHoldingShares;
        this.statutoryCapPence = statutoryCapPence;
        this.minimumAge = minimumAge;
        this.withdrawalNoticeDays = withdrawalNoticeDays;
        this.withdrawalAnnualCapPercent = withdrawalAnnualCapPercent;
        this.meetingNoticeClearDays = meetingNoticeClearDays;
        this.quorumMembers = quorumMembers;
        this.quorumPercent = quorumPercent;
        this.quorumCountsProxies = quorumCountsProxies;
        this.ruleChangeMajority = ruleChangeMajority;
        this.proxiesAllowed = proxiesAllowed;
        this.proxyMaxPerHolder = proxyMaxPerHolder;
        this.proxyDeadlineHours = proxyDeadlineHours;
        this.retentionYears = retentionYears;
        this.boardQuorum = boardQuorum;
        this.meetingReminderDays = meetingReminderDays;
    }

    /**
     * The usual rules: £1 shares, a £50 minimum, the statutory cap as both cap and maximum,
     * minimum age 16, 13 weeks' withdrawal notice and 10% of capital a year, 14 clear days'
     * notice of meetings, a quorum of the lesser of 20 members and 10%, rule changes by two
     * thirds, proxies allowed up to 5 each and lodged 48 hours before; a former member's contact
     * details kept for 10 years after they cease; a board quorum of 2 directors; meeting reminders
     * emailed 7 days before.
     */
    public static SocietyRules defaults(Jurisdiction jurisdiction) {
        long cap = jurisdiction.statutoryMaximum().pence();
        return new SocietyRules(100, 50, cap / 100, cap, 16, 91, new BigDecimal("10.00"), 14,
                20, new BigDecimal("10.00"), true, RuleChangeMajority.TWO_THIRDS, true, 5, 48, 10,
                USUAL_BOARD_QUORUM, USUAL_MEETING_REMINDER_DAYS);
    }

    /** Every way these rules break the law or each other, as field errors. */
    public FieldErrors validate(Jurisdiction jurisdiction) {
        var errors = new FieldErrors();
        Money legal = jurisdiction.statutoryMaximum();
        errors.check(nominalSharePence >= 1 && nominalSharePence <= 100_000_00L, "nominalSharePence",
                "Nominal share value must be between 1p and £100,000");
        errors.check(statutoryCapPence >= 1 && statutoryCapPence <= legal.pence(), "statutoryCapPence",
                "The holding cap cannot exceed the statutory maximum of " + legal + " in " + jurisdiction.label());
        errors.check(minimumHoldingShares >= 1, "minimumHoldingShares", "Minimum holding must be at least 1 share");
        errors.check(maximumHoldingShares >= minimumHoldingShares, "maximumHoldingShares",
                "Maximum holding must be at least the minimum holding");
        if (nominalSharePence >= 1 && statutoryCapPence >= 1 && !errors.has("maximumHoldingShares")) {
            boolean withinCap = maximumHoldingShares <= statutoryCapPence / nominalSharePence;
            errors.check(withinCap, "maximumHoldingShares",
                    "Maximum holding is worth more than the holding cap of " + Money.ofPence(statutoryCapPence));
        }
        errors.check(minimumAge >= 0 && minimumAge <= 25, "minimumAge", "Minimum age must be between 0 (none) and 25");
        errors.check(withdrawalNoticeDays >= 0 && withdrawalNoticeDays <= 3650, "withdrawalNoticeDays",
                "Withdrawal notice must be between 0 and 3,650 days");
        errors.check(isPercent(withdrawalAnnualCapPercent), "withdrawalAnnualCapPercent",
                "Annual withdrawal cap must be a percentage between 0 and 100 with up to 2 decimal places");
        errors.check(meetingNoticeClearDays >= 0 && meetingNoticeClearDays <= 365, "meetingNoticeClearDays",
                "Meeting notice must be between 0 and 365 clear days");
        errors.check(quorumMembers >= 1 && quorumMembers <= 1_000_000, "quorumMembers", "Quorum must be at least 1 member");
        errors.check(isPercent(quorumPercent), "quorumPercent",
                "Quorum percentage must be between 0 and 100 with up to 2 decimal places");
        errors.check(ruleChangeMajority != null, "ruleChangeMajority", "Choose the majority a rule change needs");
        errors.check(proxyMaxPerHolder >= 1 && proxyMaxPerHolder <= 1000, "proxyMaxPerHolder",
                "Proxies one person may hold must be between 1 and 1,000");
        errors.check(proxyDeadlineHours >= 0 && proxyDeadlineHours <= 720, "proxyDeadlineHours",
                "Proxy deadline must be between 0 and 720 hours before the meeting");
        errors.check(retentionYears >= 1 && retentionYears <= 100, "retentionYears",
                "Keep former members' contact details for between 1 and 100 years");
        errors.check(boardQuorum >= 1 && boardQuorum <= 100, "boardQuorum",
                "The board quorum must be between 1 and 100 directors");
        errors.check(meetingReminderDays >= 0 && meetingReminderDays <= 365, "meetingReminderDays",
                "Reminders go out between 0 and 365 days before a general meeting");
        return errors;
    }

    private static boolean isPercent(BigDecimal p) {
        return p != null && p.signum() >= 0 && p.compareTo(BigDecimal.valueOf(100)) <= 0 && p.stripTrailingZeros().scale() <= 2;
    }

    /** Quorum: the lesser of the fixed number and the percentage of members (rounded up). */
    public long quorumFor(long members) {
        long byPercent = quorumPercent.multiply(BigDecimal.valueOf(members))
                .divide(BigDecimal.valueOf(100), 0, java.math.RoundingMode.CEILING).longValueExact();
        return Math.max(1, Math.min(quorumMembers, byPercent));
    }

    /** The settings by name, for the audit trail and the API. */
    public Map<String, Object> asMap() {
        var m = new LinkedHashMap<String, Object>();
        m.put("nominalSharePence", nominalSharePence);
        m.put("minimumHoldingShares", minimumHoldingShares);
        m.put("maximumHoldingShares", maximumHoldingShares);
        m.put("statutoryCapPence", statutoryCapPence);
        m.put("minimumAge", minimumAge);
        m.put("withdrawalNoticeDays", withdrawalNoticeDays);
        m.put("withdrawalAnnualCapPercent", withdrawalAnnualCapPercent.stripTrailingZeros().toPlainString());
        m.put("meetingNoticeClearDays", meetingNoticeClearDays);
        m.put("quorumMembers", quorumMembers);
        m.put("quorumPercent", quorumPercent.stripTrailingZeros().toPlainString());
        m.put("quorumCountsProxies", quorumCountsProxies);
        m.put("ruleChangeMajority", ruleChangeMajority == null ? null : ruleChangeMajority.name());
        m.put("proxiesAllowed", proxiesAllowed);
        m.put("proxyMaxPerHolder", proxyMaxPerHolder);
        m.put("proxyDeadlineHours", proxyDeadlineHours);
        m.put("retentionYears", retentionYears);
        m.put("boardQuorum", boardQuorum);
        m.put("meetingReminderDays", meetingReminderDays);
        return m;
    }

    public long nominalSharePence() { return nominalSharePence; }
    public Money nominalShareValue() { return Money.ofPence(nominalSharePence); }
    public long minimumHoldingShares() { return minimumHoldingShares; }
    public long maximumHoldingShares() { return maximumHoldingShares; }
    public long statutoryCapPence() { return statutoryCapPence; }
    public Money statutoryCap() { return Money.ofPence(statutoryCapPence); }
    public int minimumAge() { return minimumAge; }
    public int withdrawalNoticeDays() { return withdrawalNoticeDays; }
    public BigDecimal withdrawalAnnualCapPercent() { return withdrawalAnnualCapPercent; }
    public int meetingNoticeClearDays() { return meetingNoticeClearDays; }
    public int quorumMembers() { return quorumMembers; }
    public BigDecimal quorumPercent() { return quorumPercent; }
    public boolean quorumCountsProxies() { return quorumCountsProxies; }
    public RuleChangeMajority ruleChangeMajority() { return ruleChangeMajority; }
    public boolean proxiesAllowed() { return proxiesAllowed; }
    public int proxyMaxPerHolder() { return proxyMaxPerHolder; }
    public int proxyDeadlineHours() { return proxyDeadlineHours; }
    public int retentionYears() { return retentionYears; }
    /** Directors without a conflict of interest who must be present for the board to decide an item. */
    public int boardQuorum() { return boardQuorum; }
    /** Days before a general meeting that members given notice by email are reminded (and reminder letters are ready). */
    public int meetingReminderDays() { return meetingReminderDays; }
}
