package coop.cooperage.payments.entity;

/** The statement file formats Cooperage reads; CSV is any other bank's CSV, read through a column mapping. */
public enum StatementFileFormat {
    COOP_BANK_TEXT("Co-operative Bank text export"),
    STARLING_CSV("Starling Bank CSV"),
    OFX("OFX (Open Financial Exchange)"),
    CSV("Other CSV, with its columns matched by hand");

    private final String label;

    StatementFileFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
