package coop.cooperage.members.entity;

/**
 * Where someone stands: an applicant becomes a member (or is rejected); a member ceases. No
 * other move is allowed, and nobody is ever deleted from the register.
 */
public enum MemberState {
    APPLICANT("Applicant"),
    MEMBER("Member"),
    CEASED("Ceased"),
    REJECTED("Rejected");

    private final String label;

    MemberState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
