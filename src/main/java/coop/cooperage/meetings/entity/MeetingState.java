package coop.cooperage.meetings.entity;

/** A meeting is drafted, given notice of, opened on the day and closed; or cancelled. */
public enum MeetingState {
    DRAFT, NOTICED, OPEN, CLOSED, CANCELLED
}
