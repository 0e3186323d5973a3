package coop.cooperage.meetings.entity;

/** An election takes nominations, opens for voting, and is declared; or is cancelled. */
public enum ElectionState {
    NOMINATING, OPEN, DECLARED, CANCELLED
}
