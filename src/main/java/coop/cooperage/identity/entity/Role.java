package coop.cooperage.identity.entity;

/** What a person may do in one society. Platform administration is a flag on the account. */
public enum Role {
    SECRETARY("Secretary"),
    TREASURER("Treasurer"),
    DIRECTOR("Director"),
    MEMBER("Member"),
    AUDITOR("Auditor (read only)");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Officers see the society's administration pages; members see only their own records. */
    public boolean isOfficer() {
        return this != MEMBER;
    }
}
