package coop.cooperage.shares.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** A member's death as the secretary recorded it: the date, the evidence seen, the representatives. */
@Entity
@Table(name = "member_death")
public class MemberDeath {

    public static final String PAYOUT_SOURCE = "death";
    public static final String NOMINATION_PAYOUT_SOURCE = "death-nomination";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "society_id")
    private long societyId;

    @Column(name = "member_id")
    private long memberId;

    @Column(name = "died_on")
    private LocalDate diedOn;

    private String evidence;

    private String representatives;

    @Column(name = "recorded_by")
    private String recordedBy;

    @Column(name = "recorded_at")
    private LocalDateTime recordedAt;

    protected MemberDeath() {
    }

    public MemberDeath(long societyId, long memberId, LocalDate diedOn, String evidence, String representatives, String recordedBy,
            LocalDateTime recordedAt) {
        this.societyId = societyId;
        this.memberId = memberId;
        this.diedOn = diedOn;
        this.evidence = evidence;
        this.representatives = representatives;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public Long id() { return id; }
    public long memberId() { return memberId; }
    public LocalDate diedOn() { return diedOn; }
    public String evidence() { return evidence; }
    public String representatives() { return representatives; }
}
