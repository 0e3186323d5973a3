package coop.cooperage.meetings.entity;

/**
 * The kinds of resolution a general meeting passes, each with the majority the 2014 Act or the
 * society's rules require. An s.111 resolution (amalgamation, transfer of engagements) is two
 * stages, two thirds at one meeting then a simple majority at a second, so each stage is a kind.
 */
public enum ResolutionKind {
    /** A simple majority of votes cast: more for than against. */
    ORDINARY("More votes for than against"),
    /** A rule change: the majority the society's rules set (two thirds or 75% of votes cast). */
    SPECIAL("The majority the rules set for a rule change"),
    /** s.111 first meeting: at least two thirds of votes cast. */
    S111_FIRST_MEETING("Two thirds of votes cast"),
    /** s.111 second meeting, confirming the first: a simple majority of votes cast. */
    S111_CONFIRMATION("More votes for than against, confirming the first meeting"),
    /** s.113 conversion to a company: at least 75% of votes cast with at least half of those entitled taking part. */
    S113("75% of votes cast, with at least half of members entitled to vote taking part");

    private final String threshold;

    ResolutionKind(String threshold) {
        this.threshold = threshold;
    }

    /** The threshold in words, for the minutes and the results page. */
    public String threshold() {
        return threshold;
    }
}
