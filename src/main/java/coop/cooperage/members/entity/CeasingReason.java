package coop.cooperage.members.entity;

/** Why membership ended, as the register records it. */
public enum CeasingReason {
    WITHDREW_ALL_SHARES("Withdrew all shares"),
    TRANSFERRED_ALL_SHARES("Transferred all shares"),
    DIED("Died"),
    EXPELLED("Expelled by resolution"),
    DISSOLVED("Organisation dissolved"),
    OTHER("Other, under the rules");

    private final String label;

    CeasingReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
