package coop.cooperage.society.entity;

/** The offices recorded in the register of officers. */
public enum Office {
    CHAIR("Chair"),
    SECRETARY("Secretary"),
    TREASURER("Treasurer"),
    DIRECTOR("Director");

    private final String label;

    Office(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
