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

    // ---- state changes owned by the general-meetings work (issue 5) ----

    /** Corrects the wording or kind while the resolution is only proposed; nobody can have voted on a poll yet. */
    public void revise(String title, String text, String proposer, ResolutionKind kind, boolean secret, Long confirmsResolutionId) {
        requireState("change", ResolutionState.PROPOSED);
        this.title = title;
        this.text = text;
        this.proposer = proposer;
        this.kind = kind;
        this.secret = secret;
        this.confirmsResolutionId = confirmsResolutionId;
    }

    /** Links an s.111 confirmation to the resolution it confirms. */
    public void confirming(Long firstMeetingResolutionId) {
        this.confirmsResolutionId = firstMeetingResolutionId;
    }

    public void withdraw() {
        requireState("withdraw", ResolutionState.PROPOSED, ResolutionState.OPEN);
        this.state = ResolutionState.WITHDRAWN;
    }

    /** Votes may be cast while the resolution is on the agenda and undecided (or decided only by a show of hands). */
    public boolean acceptsVotes() {
        return state == ResolutionState.PROPOSED || state == ResolutionState.OPEN
                || (decidedBy == DecidedBy.SHOW_OF_HANDS && (state == ResolutionState.CARRIED || state == ResolutionState.LOST));
    }

    /**
     * A poll is demanded: the resolution is decided by every counted vote, not by the hands in
     * the room. A show-of-hands result already declared gives way to it.
     */
    public void demandPoll() {
        if (!(state == ResolutionState.PROPOSED || decidedBy == DecidedBy.SHOW_OF_HANDS && state != ResolutionState.WITHDRAWN)) {
            requireState("demand a poll on", ResolutionState.PROPOSED);
        }
        this.state = ResolutionState.OPEN;
        this.votesFor = null;
        this.votesAgainst = null;
        this.abstentions = null;
        this.eligible = null;
        this.decidedBy = null;
        this.declaredAt = null;
    }

    /** The chair declares the result with its figures. */
    public void declare(ResolutionResult result, DecidedBy by, long entitled, LocalDateTime at) {
        if (result.kind() != kind) {
            throw new IllegalArgumentException("A " + result.kind() + " result cannot decide a " + kind + " resolution");
        }
        if (by == DecidedBy.SHOW_OF_HANDS) {
            requireState("take a show of hands on", ResolutionState.PROPOSED);
        } else {
            requireState("declare the poll on", ResolutionState.PROPOSED, ResolutionState.OPEN);
        }
        this.state = result.passed() ? ResolutionState.CARRIED : ResolutionState.LOST;
        this.votesFor = result.tally().votesFor();
        this.votesAgainst = result.tally().against();
        this.abstentions = result.tally().abstain();
        this.eligible = entitled;
        this.decidedBy = by;
        this.declaredAt = at;
    }

    public boolean declared() {
        return state == ResolutionState.CARRIED || state == ResolutionState.LOST;
    }

    /** The figures as declared, to recompute the declaration or confirm an s.111 first stage. */
    public Tally declaredTally() {
        return declared() ? new Tally(votesFor, votesAgainst, abstentions) : null;
    }

    private void requireState(String action, ResolutionState... allowed) {
        for (ResolutionState s : allowed) {
            if (state == s) {
                return;
            }
        }
        throw new IllegalStateException("Cannot " + action + " a resolution that is " + state.name().toLowerCase());
    }
}
