package coop.cooperage.payments.entity;

import coop.cooperage.money.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * An imported statement line as stored, with what was decided about it. The parsed, in-memory
 * form is {@link StatementLine}; {@link #asParsed()} gives it back for the matcher.
 */
@Entity
@Table(name = "statement_line")
public class BankStatementLine {

    /** Why a line was proposed for an application, as the matcher said. */
    public enum Basis { REFERENCE, AMOUNT }

    /** How the money on the line(s) compares with what the application still owed. */
    public enum Kind { EXACT, PARTIAL, OVER }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "society_id")
    private long societyId;

    @Column(name = "statement_id")
    private long statementId;

    @Column(name = "line_no")
    private int lineNo;

    private String fingerprint;

    @Column(name = "posted_on")
    private LocalDate postedOn;

    @Column(name = "amount_pence")
    private long amountPence;

    private String description;

    private String reference;

    @Column(name = "bank_type")
    private String bankType;

    @Column(name = "balance_pence")
    private Long balancePence;

    @Enumerated(EnumType.STRING)
    private LineState state;

    @Column(name = "application_id")
    private Long applicationId;

    @Enumerated(EnumType.STRING)
    @Column(name = "match_basis")
    private Basis matchBasis;

    @Enumerated(EnumType.STRING)
    @Column(name = "match_kind")
    private Kind matchKind;

    private String candidates;

    @Column(name = "payment_id")
    private Long paymentId;

    @Column(name = "ignored_reason")
    private String ignoredReason;

    @Column(name = "decided_by")
    private Long decidedBy;

    @Column(name = "decided_at")
    private LocalDateTime decidedAt;

    @Version
    private long version;

    protected BankStatementLine() {
    }

    public BankStatementLine(long societyId, long statementId, int lineNo, StatementLine line) {
        this.societyId = societyId;
        this.statementId = statementId;
        this.lineNo = lineNo;
        this.fingerprint = line.fingerprint();
        this.postedOn = line.date();
        this.amountPence = line.amount().pence();
        this.description = clip(line.description());
        this.reference = clip(line.reference());
        this.bankType = line.type().length() > 100 ? line.type().substring(0, 100) : line.type();
        this.balancePence = line.balance().map(Money::pence).orElse(null);
        this.state = line.isCredit() ? LineState.UNMATCHED : LineState.NOT_CREDIT;
    }

    private static String clip(String text) {
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    /** The line as the matcher sees it; the fingerprint makes two identical-looking lines distinct. */
    public StatementLine asParsed() {
        return new StatementLine(postedOn, description, reference, amount(), Optional.ofNullable(balancePence).map(Money::ofPence),
                bankType, fingerprint);
    }

    /** Whether the matcher may still change what is proposed for it. */
    public boolean isOpen() {
        return state == LineState.UNMATCHED || state == LineState.PROPOSED;
    }

    public void propose(long application, Basis basis, Kind kind) {
        requireOpen();
        state = LineState.PROPOSED;
        applicationId = application;
        matchBasis = basis;
        matchKind = kind;
        candidates = null;
    }

    public void unmatch(String candidateReferences) {
        requireOpen();
        state = LineState.UNMATCHED;
        applicationId = null;
        matchBasis = null;
        matchKind = null;
        candidates = candidateReferences == null || candidateReferences.isEmpty() ? null : clip(candidateReferences);
    }

    public void confirm(long application, long payment, Long by, LocalDateTime at) {
        requireOpen();
        state = LineState.CONFIRMED;
        applicationId = application;
        paymentId = payment;
        candidates = null;
        decidedBy = by;
        decidedAt = at;
    }

    public void ignore(String reason, Long by, LocalDateTime at) {
        requireOpen();
        state = LineState.IGNORED;
        applicationId = null;
        matchBasis = null;
        matchKind = null;
        ignoredReason = clip(reason);
        decidedBy = by;
        decidedAt = at;
    }

    /** Its payment was reversed by a correction: the money is unaccounted for again. */
    public void reopen(Long by, LocalDateTime at) {
        if (state != LineState.CONFIRMED) {
            throw new IllegalStateException("Only a confirmed line can be reopened");
        }
        state = LineState.UNMATCHED;
        applicationId = null;
        paymentId = null;
        matchBasis = null;
        matchKind = null;
        decidedBy = by;
        decidedAt = at;
    }

    private void requireOpen() {
        if (!isOpen()) {
            throw new IllegalStateException("Line " + id + " is " + state + ", not open");
        }
    }

    public Long id() { return id; }
    public long societyId() { return societyId; }
    public long statementId() { return statementId; }
    public int lineNo() { return lineNo; }
    public String fingerprint() { return fingerprint; }
    public LocalDate postedOn() { return postedOn; }
    public Money amount() { return Money.ofPence(amountPence); }
    public String description() { return description; }
    public String reference() { return reference; }
    public String bankType() { return bankType; }
    public Money balance() { return balancePence == null ? null : Money.ofPence(balancePence); }
    public LineState state() { return state; }
    public Long applicationId() { return applicationId; }
    public Basis matchBasis() { return matchBasis; }
    public Kind matchKind() { return matchKind; }
    public String candidates() { return candidates; }
    public Long paymentId() { return paymentId; }
    public String ignoredReason() { return ignoredReason; }
    public Long decidedBy() { return decidedBy; }
    public LocalDateTime decidedAt() { return decidedAt; }
}
