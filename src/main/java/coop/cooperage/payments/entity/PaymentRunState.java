package coop.cooperage.payments.entity;

/** A run is made as a draft (its payouts set aside), then paid once, or cancelled
 * (only before its file is first downloaded), or rejected by the bank (after). */
public enum PaymentRunState {
    DRAFT("Draft"),
    PAID("Paid"),
    CANCELLED("Cancelled"),
    /** Its file went to the bank, which rejected it: its payouts are due again. */
    REJECTED("Rejected by the bank");

    private final String label;

    PaymentRunState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
