package coop.cooperage.shares.entity;

import coop.cooperage.money.Money;
import coop.cooperage.platform.control.InvalidInputException;
import coop.cooperage.society.entity.SocietyRules;

/**
 * What a holding may become when an entry is added to it: never below zero shares or money,
 * and never above the society's maximum holding (shares) or its holding cap (money, at most the
 * statutory £100,000 or £20,000) unless the member is itself a registered society, which the
 * 2014 Act exempts. Only an entry that adds to a holding is held to the cap: a holding left
 * above a cap that was later lowered may still shrink. Pure, so the rules are tested without
 * a database and the same code guards the real ledger.
 */
public record HoldingLimits(long maximumShares, long capPence, boolean exempt) {

    public static HoldingLimits of(SocietyRules rules, boolean registeredSociety) {
        return new HoldingLimits(rules.maximumHoldingShares(), rules.statutoryCapPence(), registeredSociety);
    }

    /** The holding after the entry, or a refusal that says why; refusing changes nothing. */
    public Holding apply(Holding current, long shares, long pence) {
        long nextShares = Math.addExact(current.shares(), shares);
        long nextPence = Math.addExact(current.amountPaid().pence(), pence);
        if (nextShares < 0) {
            throw new InvalidInputException("shares", "The holding is " + current.shares() + " shares: it cannot lose "
                    + (-shares) + " (a holding is never below zero)");
        }
        if (nextPence < 0) {
            throw new InvalidInputException("amount", "The holding is worth " + current.amountPaid() + ": it cannot lose "
                    + Money.ofPence(-pence) + " (a holding is never below zero)");
        }
        boolean adds = shares > 0 || pence > 0;
        if (adds && !exempt) {
            if (nextShares > maximumShares) {
                throw new InvalidInputException("shares", "That would make the holding " + nextShares
                        + " shares, above the maximum holding of " + maximumShares + " shares");
            }
            if (nextPence > capPence) {
                throw new InvalidInputException("amount", "That would make the holding " + Money.ofPence(nextPence)
                        + ", above the holding cap of " + Money.ofPence(capPence));
            }
        }
        return new Holding(nextShares, Money.ofPence(nextPence));
    }

    /**
     * What some of a holding's shares are worth: their share of what the holding is worth now,
     * rounded down, so after a write-down a withdrawal pays the written-down value, and taking
     * every share takes exactly the whole amount (no penny is left behind or invented).
     */
    public static Money valueOf(Holding holding, long shares) {
        if (shares <= 0 || holding.shares() == 0) {
            return Money.ZERO;
        }
        if (shares >= holding.shares()) {
            return holding.amountPaid();
        }
        return Money.ofPence(Math.multiplyExact(holding.amountPaid().pence(), shares) / holding.shares());
    }
}
