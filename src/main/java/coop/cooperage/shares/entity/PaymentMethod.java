package coop.cooperage.shares.entity;

/** How an investor pays for the shares they apply for. */
public enum PaymentMethod {
    BANK_TRANSFER("Bank transfer"),
    CHEQUE("Cheque");

    private final String label;

    PaymentMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
