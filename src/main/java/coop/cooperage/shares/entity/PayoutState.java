package coop.cooperage.shares.entity;

/** A payout is due until a payment run takes it, and paid when that run is marked paid. */
public enum PayoutState {
    DUE, IN_RUN, PAID, CANCELLED
}
