package coop.cooperage.meetings.entity;

/** How a resolution was decided: on a show of hands, or on a poll (every counted vote). */
public enum DecidedBy {
    SHOW_OF_HANDS, POLL
}
