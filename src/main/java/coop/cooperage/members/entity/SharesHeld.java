package coop.cooperage.members.entity;

import coop.cooperage.money.Money;

/**
 * What the register says a member holds on a date (2014 Act s.30: the number of shares held and
 * the amount paid on them). The share ledger, which shares owns, is the source; members receives
 * it through {@link coop.cooperage.members.control.Holdings} without depending on shares.
 */
public record SharesHeld(long shares, Money amountPaid) {

    public static final SharesHeld NONE = new SharesHeld(0, Money.ZERO);
}
