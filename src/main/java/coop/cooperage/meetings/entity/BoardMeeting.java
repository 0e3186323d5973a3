package coop.cooperage.meetings.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Set;

/** A meeting of the board of directors: when, where, and which directors (register of officers entries) were present. */
@Entity
@Table(name = "board_meeting")
public class BoardMeeting {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "society_id")
    private long societyId;

    @Column(name = "held_on")
    private LocalDate heldOn;

    private String place;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "board_attendance", joinColumns = @JoinColumn(name = "board_meeting_id"))
    @Column(name = "appointment_id")
    private Set<Long> present = new HashSet<>();

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    @Version
    private long version;

    protected BoardMeeting() {
    }

    public BoardMeeting(long societyId, LocalDate heldOn, String place, Set<Long> present, LocalDateTime now) {
        this.societyId = societyId;
        this.heldOn = heldOn;
        this.place = place;
        this.present = new HashSet<>(present);
        this.createdAt = now;
    }

    public Long id() { return id; }
    public long societyId() { return societyId; }
    public LocalDate heldOn() { return heldOn; }
    public String place() { return place; }
    public Set<Long> present() { return Set.copyOf(present); }
    public LocalDateTime createdAt() { return createdAt; }
}
