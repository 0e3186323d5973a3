package coop.cooperage.shares.entity;

/**
 * How an oversubscribed offer is scaled back, after local applicants are served first where the
 * offer gives them priority. Never below the society's minimum holding.
 */
public enum ScaleBack {
    LARGEST_FIRST("Largest applications cut first"),
    PRO_RATA("Pro rata");

    private final String label;

    ScaleBack(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
