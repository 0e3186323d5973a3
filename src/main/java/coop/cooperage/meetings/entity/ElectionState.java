package coop.cooperage.meetings.entity;

/**
 * An election takes nominations, opens for voting, closes (receipts published, nothing more
 * accepted), and is counted and declared; or is cancelled.
 */
public enum ElectionState {
    NOMINATING, OPEN, CLOSED, DECLARED, CANCELLED
}
