package coop.cooperage.shares.entity;

/** Why shares moved. Every change to a holding is one of these, never an edit. */
public enum ShareEntryKind {
    OPENING_BALANCE("Opening balance"),
    ALLOTMENT("Allotment"),
    WITHDRAWAL("Withdrawal"),
    TRANSFER_OUT("Transfer out"),
    TRANSFER_IN("Transfer in"),
    TRANSFER_ON_DEATH("Transfer on death"),
    REINVESTMENT("Reinvestment"),
    WRITE_DOWN("Write-down"),
    CORRECTION("Correction");

    private final String label;

    ShareEntryKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
