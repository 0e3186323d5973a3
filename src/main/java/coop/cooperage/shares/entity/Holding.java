package coop.cooperage.shares.entity;

import coop.cooperage.money.Money;

/** A member's holding at a date: the sum of their ledger entries up to it. */
public record Holding(long shares, Money amountPaid) {

    public static final Holding NONE = new Holding(0, Money.ZERO);
}
