package coop.cooperage.payments.entity;

/** A run is made as a draft (its payouts set aside), then paid once, or cancelled. */
public enum PaymentRunState {
    DRAFT("Draft"),
    PAID("Paid"),
    CANCELLED("Cancelled");

    private final String label;

    PaymentRunState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
