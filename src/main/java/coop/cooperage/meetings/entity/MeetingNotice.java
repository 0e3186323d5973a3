package coop.cooperage.meetings.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/**
 * That one member was given notice of one meeting, by email or by letter. Rows are written with
 * INSERT IGNORE by {@code Notices} (unique per meeting and member); this mapping is for reading.
 */
@Entity
@Table(name = "meeting_notice")
public class MeetingNotice {

    @Id
    private Long id;

    @Column(name = "society_id")
    private long societyId;

    @Column(name = "meeting_id")
    private long meetingId;

    @Column(name = "member_id")
    private long memberId;

    private String channel;

    @Column(name = "sent_on")
    private LocalDate sentOn;

    protected MeetingNotice() {
    }

    public Long id() { return id; }
    public long meetingId() { return meetingId; }
    public long memberId() { return memberId; }
    public String channel() { return channel; }
    public LocalDate sentOn() { return sentOn; }
}
