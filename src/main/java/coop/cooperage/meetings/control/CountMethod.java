package coop.cooperage.meetings.control;

/** The counting methods a society's rules can choose for an election. */
public enum CountMethod {

    /** Single transferable vote under the Scottish local government rules; see {@link ScottishStv}. */
    SCOTTISH_STV {
        @Override
        public CountResult count(Contest contest, long lotSeed) {
            return new ScottishStv(lotSeed).count(contest);
        }
    };

    /**
     * Counts the contest with this method's default options.
     *
     * @param lotSeed seed for ties the rules leave to lot (see {@link Lot})
     */
    public abstract CountResult count(Contest contest, long lotSeed);
}
