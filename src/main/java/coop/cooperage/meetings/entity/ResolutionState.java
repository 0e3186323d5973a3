package coop.cooperage.meetings.entity;

/** A resolution is proposed, put to the vote (open), then carried or lost; or withdrawn. */
public enum ResolutionState {
    PROPOSED, OPEN, CARRIED, LOST, WITHDRAWN
}
