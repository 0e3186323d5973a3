package coop.cooperage.shares.entity;

/** Where an application for shares stands. Withdrawn only before the offer closes. */
public enum ApplicationState {
    SUBMITTED("Submitted"),
    WITHDRAWN("Withdrawn"),
    ALLOTTED("Allotted"),
    REFUNDED("Refunded"),
    REJECTED("Rejected");

    private final String label;

    ApplicationState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
