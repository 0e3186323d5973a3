package coop.cooperage.meetings.entity;

/** A member's answer on one resolution. */
public enum VoteChoice {
    FOR, AGAINST, ABSTAIN
}
