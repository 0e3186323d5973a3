package coop.cooperage.meetings.control;

/** What happened at a stage of a count. */
public enum StageAction {
    /** Papers sorted by first preference (STV), or all marks counted (plurality). */
    FIRST_PREFERENCES,
    /** Scottish STV: an elected candidate's surplus transferred to the next preferences. */
    SURPLUS_TRANSFER,
    /**
     * The candidate with fewest votes excluded. Scottish STV transfers their papers in the same
     * stage; Meek's method simply recounts without them.
     */
    EXCLUSION,
    /**
     * Meek's method: the keep factors of elected candidates were adjusted until one or more
     * further candidates reached the quota.
     */
    ELECTION,
    /**
     * Meek's method: the count ended with the remaining candidates elected (as many as there were
     * seats left) or excluded (once every seat was filled). The totals are the final ones.
     */
    COMPLETION
}
