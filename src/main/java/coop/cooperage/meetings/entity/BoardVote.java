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

/** One director's vote on one board item (the database allows one per director per item). */
@Entity
@Table(name = "board_vote")
public class BoardVote {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "item_id")
    private long itemId;

    @Column(name = "appointment_id")
    private long director;

    @Enumerated(EnumType.STRING)
    private DirectorChoice choice;

    @Column(name = "cast_at")
    private LocalDateTime castAt;

    @Column(name = "recorded_by")
    private String recordedBy;

    protected BoardVote() {
    }

    public BoardVote(long itemId, long director, DirectorChoice choice, String recordedBy, LocalDateTime now) {
        this.itemId = itemId;
        this.director = director;
        this.choice = choice;
        this.recordedBy = recordedBy;
        this.castAt = now;
    }

    public Long id() { return id; }
    public long itemId() { return itemId; }
    public long director() { return director; }
    public DirectorChoice choice() { return choice; }
    public LocalDateTime castAt() { return castAt; }
    public String recordedBy() { return recordedBy; }
}
