package coop.cooperage.shares.entity;

/** Why the society owes a member money. */
public enum PayoutKind {
    REFUND("Refund"),
    WITHDRAWAL("Withdrawal"),
    DEATH("Payment on death"),
    INTEREST("Interest");

    private final String label;

    PayoutKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
