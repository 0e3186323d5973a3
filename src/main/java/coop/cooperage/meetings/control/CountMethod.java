package coop.cooperage.meetings.control;

/** The counting methods a society's rules can choose for an election. */
public enum CountMethod {

    /** Single transferable vote under the Scottish local government rules; see {@link ScottishStv}. */
    SCOTTISH_STV {
        @Override
        public CountResult count(Contest contest, long lotSeed) {
            return new ScottishStv(lotSeed).count(contest);
        }
    },

    /**
     * Single transferable vote by Meek's method; see {@link MeekStv}. Its ties follow the
     * contest's tie-break order rather than a seeded lot, as in the reference implementations.
     */
    MEEK_STV {
        @Override
        public CountResult count(Contest contest, long lotSeed) {
            return new MeekStv().count(contest);
        }
    },

    /** Vote for up to as many candidates as seats; most votes win. See {@link Plurality}. */
    PLURALITY {
        @Override
        public CountResult count(Contest contest, long lotSeed) {
            return new Plurality(lotSeed).count(contest);
        }
    };

    /**
     * Counts the contest with this method's default options.
     *
     * @param lotSeed seed for ties the rules leave to lot (see {@link Lot}); ignored by Meek
     */
    public abstract CountResult count(Contest contest, long lotSeed);
}
