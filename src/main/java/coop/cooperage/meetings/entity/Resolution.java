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
import java.time.LocalDateTime;

/** A resolution on a meeting's agenda: its text, proposer and kind, and once declared, its result with the figures. */
@Entity
@Table(name = "resolution")
public class Resolution {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "society_id")
    private long societyId;

    @Column(name = "meeting_id")
    private long meetingId;

    private int position;
    private String title;
    private String text;
    private String proposer;

    @Enumerated(EnumType.STRING)
    private ResolutionKind kind;

    private boolean secret;

    @Enumerated(EnumType.STRING)
    private ResolutionState state;

    @Column(name = "votes_for")
    private Long votesFor;

    @Column(name = "votes_against")
    private Long votesAgainst;

    private Long abstentions;

    private Long eligible;

    @Enumerated(EnumType.STRING)
    @Column(name = "decided_by")
    private DecidedBy decidedBy;

    @Column(name = "declared_at")
    private LocalDateTime declaredAt;

    @Column(name = "confirms_resolution_id")
    private Long confirmsResolutionId;

    @Version
    private long version;

    protected Resolution() {
    }

    public Resolution(long societyId, long meetingId, int position, String title, String text, String proposer,
            ResolutionKind kind, boolean secret) {
        this.societyId = societyId;
        this.meetingId = meetingId;
        this.position = position;
        this.title = title;
        this.text = text;
        this.proposer = proposer;
        this.kind = kind;
        this.secret = secret;
        this.state = ResolutionState.PROPOSED;
    }

    public Long id() { return id; }
    public long societyId() { return societyId; }
    public long meetingId() { return meetingId; }
    public int position() { return position; }
    public String title() { return title; }
    public String text() { return text; }
    public String proposer() { return proposer; }
    public ResolutionKind kind() { return kind; }
    public boolean secret() { return secret; }
    public ResolutionState state() { return state; }
    public Long votesFor() { return votesFor; }
    public Long votesAgainst() { return votesAgainst; }
    public Long abstentions() { return abstentions; }
    public Long eligible() { return eligible; }
    public DecidedBy decidedBy() { return decidedBy; }
    public LocalDateTime declaredAt() { return declaredAt; }
    public Long confirmsResolutionId() { return confirmsResolutionId; }
    public long version() { return version; }
}
