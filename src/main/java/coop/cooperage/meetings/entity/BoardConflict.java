package coop.cooperage.meetings.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A director's declaration of a conflict of interest in one board item: they may not vote on it. */
@Entity
@Table(name = "board_conflict")
public class BoardConflict {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "item_id")
    private long itemId;

    @Column(name = "appointment_id")
    private long director;

    private String interest;

    @Column(name = "declared_at")
    private LocalDateTime declaredAt;

    protected BoardConflict() {
    }

    public BoardConflict(long itemId, long director, String interest, LocalDateTime now) {
        this.itemId = itemId;
        this.director = director;
        this.interest = interest;
        this.declaredAt = now;
    }

    public Long id() { return id; }
    public long itemId() { return itemId; }
    public long director() { return director; }
    public String interest() { return interest; }
    public LocalDateTime declaredAt() { return declaredAt; }
}
