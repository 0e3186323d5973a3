package coop.cooperage.meetings.entity;

/** A director's vote on a board item; on a written resolution FOR approves it and AGAINST refuses it. */
public enum DirectorChoice {
    FOR, AGAINST, ABSTAIN
}
