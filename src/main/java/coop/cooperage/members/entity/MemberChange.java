package coop.cooperage.members.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** One change to a member's name, address or email: the register keeps the history. */
@Entity
@Table(name = "member_change")
public class MemberChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "society_id")
    private long societyId;

    @Column(name = "member_id")
    private Long memberId;

    private String field;

    @Column(name = "old_value")
    private String oldValue;

    @Column(name = "new_value")
    private String newValue;

    @Column(name = "changed_on")
    private LocalDate changedOn;

    @Column(name = "changed_at")
    private LocalDateTime changedAt;

    @Column(name = "changed_by")
    private String changedBy;

    protected MemberChange() {
    }

    MemberChange(long societyId, Long memberId, String field, String oldValue, String newValue, LocalDate changedOn,
            LocalDateTime changedAt, String changedBy) {
        this.societyId = societyId;
        this.memberId = memberId;
        this.field = field;
        this.oldValue = oldValue;
        this.newValue = newValue;
        this.changedOn = changedOn;
        this.changedAt = changedAt;
        this.changedBy = changedBy;
    }

    public Long id() { return id; }
    public Long memberId() { return memberId; }
    public String field() { return field; }
    public String oldValue() { return oldValue; }
    public String newValue() { return newValue; }
    public LocalDate changedOn() { return changedOn; }
    public LocalDateTime changedAt() { return changedAt; }
    public String changedBy() { return changedBy; }
}
