package coop.cooperage.meetings.entity;

/**
 * The votes on one resolution. Abstentions are recorded because members want to see them and
 * because they show who took part, but they are not votes cast: no majority is computed on them.
 */
public record Tally(long votesFor, long against, long abstain) {

    public static final Tally NONE = new Tally(0, 0, 0);

    public Tally {
        if (votesFor < 0 || against < 0 || abstain < 0) {
            throw new IllegalArgumentException("Vote counts cannot be negative: " + votesFor + "/" + against + "/" + abstain);
        }
    }

    /** For plus against: the denominator of every majority. */
    public long votesCast() {
        return Math.addExact(votesFor, against);
    }

    /** Everyone who voted on the resolution, abstainers included: the measure of turnout. */
    public long participated() {
        return Math.addExact(votesCast(), abstain);
    }

    public Tally add(VoteChoice choice) {
        return switch (choice) {
            case FOR -> new Tally(votesFor + 1, against, abstain);
            case AGAINST -> new Tally(votesFor, against + 1, abstain);
            case ABSTAIN -> new Tally(votesFor, against, abstain + 1);
        };
    }
}
