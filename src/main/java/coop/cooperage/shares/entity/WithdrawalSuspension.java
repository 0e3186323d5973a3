package coop.cooperage.shares.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** The board's suspension of withdrawals between two dates, inclusive, with its reason. */
@Entity
@Table(name = "withdrawal_suspension")
public class WithdrawalSuspension {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "society_id")
    private long societyId;

    private String reason;

    @Column(name = "from_date")
    private LocalDate from;

    @Column(name = "to_date")
    private LocalDate to;

    @Column(name = "recorded_by")
    private String recordedBy;

    @Column(name = "recorded_at")
    private LocalDateTime recordedAt;

    protected WithdrawalSuspension() {
    }

    public WithdrawalSuspension(long societyId, String reason, LocalDate from, LocalDate to, String recordedBy, LocalDateTime recordedAt) {
        this.societyId = societyId;
        this.reason = reason;
        this.from = from;
        this.to = to;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }

    public Long id() { return id; }
    public String reason() { return reason; }
    public LocalDate from() { return from; }
    public LocalDate to() { return to; }
    public String recordedBy() { return recordedBy; }
}
