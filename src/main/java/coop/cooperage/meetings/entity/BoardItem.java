package coop.cooperage.meetings.entity;

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

/**
 * A directors' resolution: an item at a board meeting (decided by vote), a written resolution
 * circulated to the directors (passed only by all eligible directors), or a decision another part
 * of the system recorded as taken by the board. Once decided it does not change.
 */
@Entity
@Table(name = "board_item")
public class BoardItem {

    public enum Kind { MEETING, WRITTEN, RECORDED }

    public enum State { OPEN, CARRIED, LOST, PASSED, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "society_id")
    private long societyId;

    @Column(name = "board_meeting_id")
    private Long boardMeetingId;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    private String text;

    @Enumerated(EnumType.STRING)
    private State state;

    @Column(name = "circulated_on")
    private LocalDate circulatedOn;

    @Column(name = "decided_on")
    private LocalDate decidedOn;

    @Column(name = "votes_for")
    private Integer votesFor;

    @Column(name = "votes_against")
    private Integer votesAgainst;

    private Integer abstentions;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    @Version
    private long version;

    protected BoardItem() {
    }

    private BoardItem(long societyId, Long boardMeetingId, Kind kind, String text, State state, String by, LocalDateTime now) {
        this.societyId = societyId;
        this.boardMeetingId = boardMeetingId;
        this.kind = kind;
        this.text = text;
        this.state = state;
        this.createdBy = by;
        this.createdAt = now;
    }

    public static BoardItem atMeeting(BoardMeeting meeting, String text, String by, LocalDateTime now) {
        return new BoardItem(meeting.societyId(), meeting.id(), Kind.MEETING, text, State.OPEN, by, now);
    }

    public static BoardItem written(long societyId, String text, LocalDate circulatedOn, String by, LocalDateTime now) {
        var item = new BoardItem(societyId, null, Kind.WRITTEN, text, State.OPEN, by, now);
        item.circulatedOn = circulatedOn;
        return item;
    }

    /** A decision taken by the board and recorded where it is acted on (an allotment, a withdrawal approval). */
    public static BoardItem recorded(long societyId, String text, LocalDate decidedOn, String by, LocalDateTime now) {
        var item = new BoardItem(societyId, null, Kind.RECORDED, text, State.CARRIED, by, now);
        item.decidedOn = decidedOn;
        return item;
    }

    public boolean isOpen() {
        return state == State.OPEN;
    }

    /** The declared result of an item at a meeting, with its figures. */
    public void declare(boolean carried, int votesFor, int votesAgainst, int abstentions, LocalDate on) {
        requireOpen();
        if (kind != Kind.MEETING) {
            throw new IllegalStateException("Only an item at a board meeting is declared by vote");
        }
        this.state = carried ? State.CARRIED : State.LOST;
        this.votesFor = votesFor;
        this.votesAgainst = votesAgainst;
        this.abstentions = abstentions;
        this.decidedOn = on;
    }

    /** A written resolution is settled by its last approval, or by any refusal. */
    public void settleWritten(boolean passed, int approvals, int refusals, LocalDate on) {
        requireOpen();
        if (kind != Kind.WRITTEN) {
            throw new IllegalStateException("Only a written resolution is settled by the directors' approvals");
        }
        this.state = passed ? State.PASSED : State.FAILED;
        this.votesFor = approvals;
        this.votesAgainst = refusals;
        this.abstentions = 0;
        this.decidedOn = on;
    }

    private void requireOpen() {
        if (state != State.OPEN) {
            throw new IllegalStateException("This resolution was already decided: " + state.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    public Long id() { return id; }
    public long societyId() { return societyId; }
    public Long boardMeetingId() { return boardMeetingId; }
    public Kind kind() { return kind; }
    public String text() { return text; }
    public State state() { return state; }
    public LocalDate circulatedOn() { return circulatedOn; }
    public LocalDate decidedOn() { return decidedOn; }
    public Integer votesFor() { return votesFor; }
    public Integer votesAgainst() { return votesAgainst; }
    public Integer abstentions() { return abstentions; }
    public String createdBy() { return createdBy; }
    public LocalDateTime createdAt() { return createdAt; }
}
