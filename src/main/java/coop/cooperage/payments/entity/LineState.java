package coop.cooperage.payments.entity;

/** Where an imported statement line stands. Only credits are ever anything but NOT_CREDIT. */
public enum LineState {
    /** Money out, or a zero line: kept so the statement stays whole, never matched. */
    NOT_CREDIT("Money out"),
    UNMATCHED("Unmatched"),
    /** The matcher suggests an application; the treasurer has not confirmed it. */
    PROPOSED("Proposed"),
    /** A payment was recorded for it. */
    CONFIRMED("Confirmed"),
    /** Not a payment for shares (a grant, a donation, a transfer), with the treasurer's reason. */
    IGNORED("Ignored");

    private final String label;

    LineState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
