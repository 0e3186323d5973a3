package coop.cooperage.shares.entity;

/** An offer's life: draft → open → closed → allotted; or cancelled; or failed (minimum target not met, all refunded). */
public enum OfferState {
    DRAFT("Draft"),
    OPEN("Open"),
    CLOSED("Closed"),
    ALLOTTED("Allotted"),
    CANCELLED("Cancelled"),
    FAILED("Failed");

    private final String label;

    OfferState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
