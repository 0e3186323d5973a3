package coop.cooperage.meetings.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** One member's line in a meeting's attendance register: present in person (checked in by the secretary) or online. */
@Entity
@Table(name = "attendance")
public class Attendance {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "meeting_id")
    private long meetingId;

    @Column(name = "member_id")
    private long memberId;

    @Enumerated(EnumType.STRING)
    private AttendanceMode mode;

    @Column(name = "checked_in_at")
    private LocalDateTime checkedInAt;

    @Column(name = "checked_in_by")
    private Long checkedInBy;

    protected Attendance() {
    }

    public Attendance(long meetingId, long memberId, AttendanceMode mode, LocalDateTime checkedInAt, Long checkedInBy) {
        this.meetingId = meetingId;
        this.memberId = memberId;
        this.mode = mode;
        this.checkedInAt = checkedInAt;
        this.checkedInBy = checkedInBy;
    }

    public Long id() { return id; }
    public long meetingId() { return meetingId; }
    public long memberId() { return memberId; }
    public AttendanceMode mode() { return mode; }
    public LocalDateTime checkedInAt() { return checkedInAt; }
    public Long checkedInBy() { return checkedInBy; }
}
