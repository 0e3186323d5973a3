package coop.cooperage.shares.entity;

/**
 * Where a withdrawal request stands. Requested (and serving notice), then the board approves
 * (a payout is due), defers (it stays queued in its place) or refuses; the member may cancel
 * while it waits; paid when the payment run pays it.
 */
public enum WithdrawalState {
    REQUESTED("Waiting"),
    APPROVED("Approved, to be paid"),
    DEFERRED("Deferred by the board"),
    PAID("Paid"),
    CANCELLED("Cancelled"),
    REFUSED("Refused");

    private final String label;

    WithdrawalState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Still in the queue: counts against the holding and against later requests. */
    public boolean isQueued() {
        return this == REQUESTED || this == DEFERRED;
    }

    /** Shares this request has claimed from the holding and not yet given back or paid. */
    public boolean isOpen() {
        return this == REQUESTED || this == DEFERRED || this == APPROVED;
    }
}
