package coop.cooperage.meetings.entity;

/**
 * Who holds a proxy: the chair of the meeting (whoever takes the chair on the day, which is why
 * it is not a member number) or a named member.
 *
 * @param member the member's number; 0 for the chair
 */
public record ProxyHolder(boolean isChair, long member) {

    private static final ProxyHolder CHAIR = new ProxyHolder(true, 0);

    public ProxyHolder {
        if (isChair ? member != 0 : member <= 0) {
            throw new IllegalArgumentException("A proxy holder is the chair or a member with a positive number");
        }
    }

    public static ProxyHolder chair() {
        return CHAIR;
    }

    public static ProxyHolder member(long number) {
        return new ProxyHolder(false, number);
    }

    @Override
    public String toString() {
        return isChair ? "the chair" : "member " + member;
    }
}
