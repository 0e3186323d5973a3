package coop.cooperage.meetings.entity;

import coop.cooperage.society.entity.SocietyRules;

/**
 * Whether a general meeting is quorate: the members counted as present against the quorum the
 * rules set for the size of the register ({@link SocietyRules#quorumFor(long)}).
 *
 * @param required members the rules need present
 * @param counted  members counted as present: in person, plus those present by proxy only when
 *                 the rules both allow proxies and count them towards the quorum
 */
public record Quorum(long required, long counted) {

    public Quorum {
        if (required < 1 || counted < 0) {
            throw new IllegalArgumentException("A quorum needs at least 1 member and a count of 0 or more");
        }
    }

    /**
     * @param presentInPerson members present themselves (or by their representative, for a corporate member)
     * @param presentByProxy  members not present themselves but represented by a proxy who is
     */
    public static Quorum of(SocietyRules rules, long membersOnRegister, long presentInPerson, long presentByProxy) {
        if (membersOnRegister < 0 || presentInPerson < 0 || presentByProxy < 0) {
            throw new IllegalArgumentException("Member counts cannot be negative");
        }
        boolean proxiesCount = rules.proxiesAllowed() && rules.quorumCountsProxies();
        return new Quorum(rules.quorumFor(membersOnRegister), presentInPerson + (proxiesCount ? presentByProxy : 0));
    }

    public boolean quorate() {
        return counted >= required;
    }

    /** How many more members must be counted before business may start; 0 once quorate. */
    public long shortBy() {
        return Math.max(0, required - counted);
    }

    public String describe() {
        return quorate()
                ? "Quorate: " + counted + " present, " + required + " needed"
                : "Not quorate: " + counted + " present, " + required + " needed, " + shortBy() + " more required";
    }
}
