package coop.cooperage.payments.entity;

import coop.cooperage.money.Money;
import coop.cooperage.platform.control.ConflictException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * A batch of payouts paid together by one Bacs submission (or one bank CSV upload). Everything a
 * file is made from is stored here or on its items, never read from the clock or the member's
 * current details, so the file made again is byte-identical. It is paid once: a second attempt is
 * a conflict, not a second set of ledger entries.
 */
@Entity
@Table(name = "payment_run")
public class PaymentRun {

    /** Bacs overrides a processing day more than 31 days after the file is made. */
    public static final int MAX_DAYS_AHEAD = 31;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "society_id")
    private long societyId;

    private int number;

    @Enumerated(EnumType.STRING)
    private PaymentRunState state;

    private String serial;

    @Column(name = "file_number")
    private int fileNumber;

    @Column(name = "created_on")
    private LocalDate createdOn;

    @Column(name = "processing_date")
    private LocalDate processingDate;

    @Column(name = "service_user_number")
    private String serviceUserNumber;

    @Column(name = "service_user_name")
    private String serviceUserName;

    @Column(name = "originator_encrypted")
    private byte[] originatorEncrypted;

    @Column(name = "item_count")
    private int itemCount;

    @Column(name = "total_pence")
    private long totalPence;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "paid_on")
    private LocalDate paidOn;

    @Column(name = "paid_at")
    private LocalDateTime paidAt;

    @Column(name = "paid_by")
    private String paidBy;

    @Column(name = "cancelled_at")
    private LocalDateTime cancelledAt;

    @Column(name = "cancelled_by")
    private String cancelledBy;

    /** The first download of its file: from then the bank may pay it, so it cannot be cancelled or trimmed. */
    @Column(name = "file_issued_at")
    private LocalDateTime fileIssuedAt;

    @Column(name = "file_issued_by")
    private String fileIssuedBy;

    @Column(name = "rejected_at")
    private LocalDateTime rejectedAt;

    @Column(name = "rejected_by")
    private String rejectedBy;

    @Column(name = "rejected_reason")
    private String rejectedReason;

    @Version
    private long version;

    protected PaymentRun() {
    }

    public PaymentRun(long societyId, int number, LocalDate createdOn, LocalDate processingDate, String serviceUserNumber,
            String serviceUserName, byte[] originatorEncrypted, LocalDateTime createdAt, String createdBy) {
        processingDateProblem(createdOn, processingDate).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        this.societyId = societyId;
        this.number = number;
        this.state = PaymentRunState.DRAFT;
        this.serial = serialFor(number);
        this.fileNumber = 1;
        this.createdOn = createdOn;
        this.processingDate = processingDate;
        this.serviceUserNumber = serviceUserNumber;
        this.serviceUserName = serviceUserName;
        this.originatorEncrypted = originatorEncrypted;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    /**
     * The Bacs submission serial: the run number, zero-padded. Bacs refuses a serial it has seen
     * from the same service user in about three months; run numbers never repeat in a society.
     */
    public static String serialFor(int number) {
        if (number < 1 || number > 999_999) {
            throw new IllegalArgumentException("Run numbers go from 1 to 999999; got " + number);
        }
        return String.format("%06d", number);
    }

    /**
     * Why Bacs would not process a file made on {@code createdOn} on {@code processing}, if it
     * would not. Bacs processes on working days only: weekdays that are not bank holidays in
     * England and Wales ({@link BankHolidays}). Bacs itself would move such a day to the next
     * working day, paying a day or more later than the treasurer chose; refusing with that day
     * named lets them choose knowingly.
     */
    public static Optional<String> processingDateProblem(LocalDate createdOn, LocalDate processing) {
        if (processing == null) {
            return Optional.of("Enter the day Bacs is to process the payments");
        }
        if (processing.isBefore(createdOn)) {
            return Optional.of("The processing day must be today or later");
        }
        if (processing.isAfter(createdOn.plusDays(MAX_DAYS_AHEAD))) {
            return Optional.of("The processing day must be within " + MAX_DAYS_AHEAD + " days; Bacs would change a later one");
        }
        if (processing.getDayOfWeek() == DayOfWeek.SATURDAY || processing.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return Optional.of("Bacs does not process payments at weekends: choose a weekday");
        }
        var holiday = BankHolidays.on(processing);
        if (holiday.isPresent()) {
            return Optional.of("Bacs does not process payments on bank holidays: " + BankHolidays.longDate(processing) + " is "
                    + holiday.get().name() + ". Choose a working day, such as "
                    + BankHolidays.longDate(BankHolidays.workingDayFrom(processing)));
        }
        return Optional.empty();
    }

    /** Adds a payment when the run is made. */
    public void add(Money amount) {
        requireDraft("add payments to");
        itemCount++;
        totalPence += amount.pence();
    }

    /** Takes a payment out of a draft run (its payout goes back to being due). */
    public void remove(Money amount) {
        requireDraft("remove payments from");
        requireNotIssued("take a payment out of it");
        itemCount--;
        totalPence -= amount.pence();
    }

    public void cancel(LocalDateTime at, String by) {
        requireDraft("cancel");
        requireNotIssued("cancel it");
        this.state = PaymentRunState.CANCELLED;
        this.cancelledAt = at;
        this.cancelledBy = by;
    }

    /** Records that the bank has paid the run. Once only; a run with nothing in it has nothing to pay. */
    public void pay(LocalDate on, LocalDateTime at, String by) {
        if (state == PaymentRunState.PAID) {
            throw new ConflictException("run", "Payment run " + number + " was already marked paid on " + paidOn + " by " + paidBy);
        }
        requireDraft("mark paid");
        if (itemCount == 0) {
            throw new ConflictException("run", "Payment run " + number + " has no payments in it");
        }
        if (on == null) {
            throw new IllegalArgumentException("paidOn");
        }
        if (on.isBefore(createdOn)) {
            throw new coop.cooperage.platform.control.InvalidInputException("paidOn",
                    "The run cannot have been paid before it was made, on " + createdOn);
        }
        if (on.isAfter(at.toLocalDate().plusDays(1))) {
            throw new coop.cooperage.platform.control.InvalidInputException("paidOn", "The payment date cannot be in the future");
        }
        this.state = PaymentRunState.PAID;
        this.paidOn = on;
        this.paidAt = at;
        this.paidBy = by;
    }

    /** Records the first download of the run's file; later downloads change nothing. True if this was the first. */
    public boolean issueFile(LocalDateTime at, String by) {
        if (fileIssuedAt != null) {
            return false;
        }
        this.fileIssuedAt = at;
        this.fileIssuedBy = by;
        return true;
    }

    /**
     * The bank rejected the run's file (or returned the whole submission unpaid): nothing was paid,
     * so its payouts may be due again. Only for a draft whose file was issued; before that, cancel.
     */
    public void reject(String reason, LocalDateTime at, String by) {
        requireDraft("record a bank rejection of");
        if (fileIssuedAt == null) {
            throw new ConflictException("run", "Payment run " + number
                    + "'s file has not been downloaded, so the bank cannot have rejected it: cancel the run instead");
        }
        this.state = PaymentRunState.REJECTED;
        this.rejectedReason = reason;
        this.rejectedAt = at;
        this.rejectedBy = by;
    }

    /**
     * Once the file has gone out the bank may pay it: making its payouts due again would pay them
     * twice, and a smaller stored total would no longer match what the bank paid.
     */
    private void requireNotIssued(String what) {
        if (fileIssuedAt != null) {
            throw new ConflictException("run", "Payment run " + number + "'s file was downloaded by " + fileIssuedBy + " at "
                    + fileIssuedAt.withNano(0) + " UTC and may already be with the bank, so you cannot " + what
                    + ": mark it paid once the bank has paid, or record that the bank rejected it");
        }
    }

    private void requireDraft(String what) {
        if (state != PaymentRunState.DRAFT) {
            throw new ConflictException("run", "Payment run " + number + " is " + state.label().toLowerCase()
                    + ": only a draft run can be changed, so you cannot " + what + " it");
        }
    }

    public Long id() { return id; }
    public long societyId() { return societyId; }
    public int number() { return number; }
    public PaymentRunState state() { return state; }
    public boolean isDraft() { return state == PaymentRunState.DRAFT; }
    public String serial() { return serial; }
    public int fileNumber() { return fileNumber; }
    public LocalDate createdOn() { return createdOn; }
    public LocalDate processingDate() { return processingDate; }
    public String serviceUserNumber() { return serviceUserNumber; }
    public String serviceUserName() { return serviceUserName; }
    public byte[] originatorEncrypted() { return originatorEncrypted; }
    public int itemCount() { return itemCount; }
    public Money total() { return Money.ofPence(totalPence); }
    public LocalDateTime createdAt() { return createdAt; }
    public String createdBy() { return createdBy; }
    public LocalDate paidOn() { return paidOn; }
    public LocalDateTime paidAt() { return paidAt; }
    public String paidBy() { return paidBy; }
    public LocalDateTime cancelledAt() { return cancelledAt; }
    public String cancelledBy() { return cancelledBy; }
    public LocalDateTime fileIssuedAt() { return fileIssuedAt; }
    public String fileIssuedBy() { return fileIssuedBy; }
    public boolean fileIssued() { return fileIssuedAt != null; }
    public LocalDateTime rejectedAt() { return rejectedAt; }
    public String rejectedBy() { return rejectedBy; }
    public String rejectedReason() { return rejectedReason; }
}
