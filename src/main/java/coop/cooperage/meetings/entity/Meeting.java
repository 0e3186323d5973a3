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
 * A general meeting of the society: when and where, its agenda, and the record date that fixes
 * who may vote. Times are local (Europe/London), as printed on the notice.
 */
@Entity
@Table(name = "meeting")
public class Meeting {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "society_id")
    private long societyId;

    @Enumerated(EnumType.STRING)
    private MeetingKind kind;

    private String title;

    @Column(name = "starts_at")
    private LocalDateTime startsAt;

    @Column(name = "ends_at")
    private LocalDateTime endsAt;

    private String place;

    @Column(name = "online_link")
    private String onlineLink;

    private String agenda;

    @Column(name = "record_date")
    private LocalDate recordDate;

    @Column(name = "notice_sent_on")
    private LocalDate noticeSentOn;

    @Column(name = "poll_closes_at")
    private LocalDateTime pollClosesAt;

    @Enumerated(EnumType.STRING)
    private MeetingState state;

    @Column(name = "confirms_meeting_id")
    private Long confirmsMeetingId;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    @Version
    private long version;

    protected Meeting() {
    }

    public Meeting(long societyId, MeetingKind kind, String title, LocalDateTime startsAt, LocalDateTime endsAt, String place,
            String onlineLink, String agenda, LocalDate recordDate, LocalDateTime createdAt) {
        this.societyId = societyId;
        this.kind = kind;
        this.title = title;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.place = place;
        this.onlineLink = onlineLink;
        this.agenda = agenda;
        this.recordDate = recordDate;
        this.state = MeetingState.DRAFT;
        this.createdAt = createdAt;
    }

    /**
     * Notice of the meeting was given on {@code sentOn}: the one place the notice rules live, whether
     * Cooperage sent it (notices by email and letter) or the secretary records notice served by other
     * means (posted letters, the village-hall board). A draft becomes NOTICED; a noticed meeting may
     * have its notice date corrected. The notice must give {@code clearDays} clear days before the
     * meeting day; callers check first (to report a form error on their own field), so a refusal here
     * is a guard against a caller that forgot.
     */
    public NoticeCheck giveNotice(LocalDate sentOn, int clearDays) {
        requireState("give notice of", MeetingState.DRAFT, MeetingState.NOTICED);
        java.util.Objects.requireNonNull(sentOn, "notice date");
        NoticeCheck check = NoticeCheck.of(sentOn, startsAt.toLocalDate(), clearDays, 0);
        check.refusal().ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
        this.noticeSentOn = sentOn;
        this.state = MeetingState.NOTICED;
        return check;
    }

    public Long id() { return id; }
    public long societyId() { return societyId; }
    public MeetingKind kind() { return kind; }
    public String title() { return title; }
    public LocalDateTime startsAt() { return startsAt; }
    public LocalDateTime endsAt() { return endsAt; }
    public String place() { return place; }
    public String onlineLink() { return onlineLink; }
    public String agenda() { return agenda; }
    public LocalDate recordDate() { return recordDate; }
    public LocalDate noticeSentOn() { return noticeSentOn; }
    public LocalDateTime pollClosesAt() { return pollClosesAt; }
    public MeetingState state() { return state; }
    public Long confirmsMeetingId() { return confirmsMeetingId; }
    public LocalDateTime createdAt() { return createdAt; }
    public long version() { return version; }

    // ---- state changes owned by the general-meetings work (issue 5) ----

    /** Changes the details while the meeting is still a draft: once notice has gone out, what it said is fixed. */
    public void revise(MeetingKind kind, String title, LocalDateTime startsAt, LocalDateTime endsAt, String place,
            String onlineLink, String agenda, LocalDate recordDate, LocalDateTime pollClosesAt) {
        requireState("change the details of", MeetingState.DRAFT);
        this.kind = kind;
        this.title = title;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.place = place;
        this.onlineLink = onlineLink;
        this.agenda = agenda;
        this.recordDate = recordDate;
        this.pollClosesAt = pollClosesAt;
    }

    /** The meeting is in session: attendance is taken and decisions made. Needs notice to have been given. */
    public void open() {
        requireState("open", MeetingState.DRAFT, MeetingState.NOTICED);
        if (noticeSentOn == null) {
            throw new IllegalStateException("Notice of the meeting has not been given, so it cannot be opened");
        }
        this.state = MeetingState.OPEN;
    }

    /** No vote is taken from this moment on; an earlier closing time already set stands. */
    public void closePoll(LocalDateTime at) {
        requireState("close the poll of", MeetingState.NOTICED, MeetingState.OPEN);
        if (pollClosesAt == null || at.isBefore(pollClosesAt)) {
            this.pollClosesAt = at;
        }
    }

    /** The end of the meeting, which also ends any poll still open. */
    public void close(LocalDateTime at) {
        requireState("close", MeetingState.OPEN);
        closePoll(at);
        this.endsAt = endsAt == null || at.isBefore(endsAt) ? at : endsAt;
        this.state = MeetingState.CLOSED;
    }

    public void cancel() {
        requireState("cancel", MeetingState.DRAFT, MeetingState.NOTICED);
        this.state = MeetingState.CANCELLED;
    }

    /** Votes are taken from notice until the poll closes (at the close of the meeting at the latest). */
    public boolean pollOpenAt(LocalDateTime at) {
        return (state == MeetingState.NOTICED || state == MeetingState.OPEN) && noticeSentOn != null
                && (pollClosesAt == null || at.isBefore(pollClosesAt));
    }

    public boolean pollClosedAt(LocalDateTime at) {
        return state == MeetingState.CLOSED || (pollClosesAt != null && !at.isBefore(pollClosesAt));
    }

    private void requireState(String action, MeetingState... allowed) {
        for (MeetingState s : allowed) {
            if (state == s) {
                return;
            }
        }
        throw new IllegalStateException("Cannot " + action + " a meeting that is " + state.name().toLowerCase());
    }
}
