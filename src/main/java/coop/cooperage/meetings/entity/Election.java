package coop.cooperage.meetings.entity;

import coop.cooperage.meetings.control.CountMethod;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDateTime;

/** A board election held with a meeting: N seats, a counting method, secret by default. */
@Entity
@Table(name = "election")
public class Election {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "society_id")
    private long societyId;

    @Column(name = "meeting_id")
    private long meetingId;

    private String title;
    private int seats;

    @Enumerated(EnumType.STRING)
    private CountMethod method;

    private boolean secret;

    @Enumerated(EnumType.STRING)
    private ElectionState state;

    @Column(name = "report_json")
    private String reportJson;

    @Column(name = "declared_at")
    private LocalDateTime declaredAt;

    @Version
    private long version;

    protected Election() {
    }

    public Election(long societyId, long meetingId, String title, int seats, CountMethod method, boolean secret) {
        this.societyId = societyId;
        this.meetingId = meetingId;
        this.title = title;
        this.seats = seats;
        this.method = method;
        this.secret = secret;
        this.state = ElectionState.NOMINATING;
    }

    /** Voting opens once the candidates are known; no more nominations after this. */
    public void open() {
        require(ElectionState.NOMINATING, "open voting in");
        this.state = ElectionState.OPEN;
    }

    /** No vote is taken after this; the receipts of the counted ballots can be published. */
    public void close() {
        require(ElectionState.OPEN, "close voting in");
        this.state = ElectionState.CLOSED;
    }

    /** The count is done: its stage-by-stage report is kept with the election. */
    public void declare(String reportJson, LocalDateTime at) {
        require(ElectionState.CLOSED, "declare the result of");
        this.reportJson = reportJson;
        this.declaredAt = at;
        this.state = ElectionState.DECLARED;
    }

    public void cancel() {
        if (state == ElectionState.DECLARED || state == ElectionState.CANCELLED) {
            throw new IllegalStateException("Cannot cancel an election that is " + state.name().toLowerCase());
        }
        this.state = ElectionState.CANCELLED;
    }

    private void require(ElectionState expected, String action) {
        if (state != expected) {
            throw new coop.cooperage.platform.control.InvalidInputException("state",
                    "Cannot " + action + " an election that is " + state.name().toLowerCase());
        }
    }

    public Long id() { return id; }
    public long societyId() { return societyId; }
    public long meetingId() { return meetingId; }
    public String title() { return title; }
    public int seats() { return seats; }
    public CountMethod method() { return method; }
    public boolean secret() { return secret; }
    public ElectionState state() { return state; }
    public String reportJson() { return reportJson; }
    public LocalDateTime declaredAt() { return declaredAt; }
    public long version() { return version; }
}
