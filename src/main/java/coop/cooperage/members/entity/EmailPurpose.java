package coop.cooperage.members.entity;

/** What a member agreed to be contacted by email for (s.30 requires the register to say). */
public enum EmailPurpose {
    NOTICES("Notices of meetings and votes"),
    STATEMENTS("Statements and share certificates"),
    NEWS("News about the society");

    private final String label;

    EmailPurpose(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
