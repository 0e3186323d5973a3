package coop.cooperage.shares.entity;

/** Who may apply to an offer by where they live (the society's area of benefit decides who is local). */
public enum Locality {
    ANYONE("Anyone"),
    LOCAL_ONLY("Local applicants only"),
    LOCAL_PRIORITY("Local applicants first");

    private final String label;

    Locality(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
