package coop.cooperage.society.entity;

/** The two kinds of registered society under the 2014 Act. */
public enum SocietyType {
    CO_OPERATIVE("Co-operative society"),
    COMMUNITY_BENEFIT("Community benefit society");

    private final String label;

    SocietyType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
