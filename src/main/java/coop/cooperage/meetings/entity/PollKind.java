package coop.cooperage.meetings.entity;

/** What a secret poll decides: a resolution (FOR/AGAINST/ABSTAIN) or an election (candidates). */
public enum PollKind {
    RESOLUTION, ELECTION
}
