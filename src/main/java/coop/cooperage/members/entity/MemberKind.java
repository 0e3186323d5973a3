package coop.cooperage.members.entity;

/** Members are people or organisations; an organisation acts through a named representative. */
public enum MemberKind {
    INDIVIDUAL("Individual"),
    ORGANISATION("Organisation");

    private final String label;

    MemberKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
