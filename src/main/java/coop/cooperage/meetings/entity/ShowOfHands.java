package coop.cooperage.meetings.entity;

import coop.cooperage.society.entity.SocietyRules;
import java.util.Optional;
import java.util.Set;

/**
 * Who can raise a hand at a meeting: the members checked in on the attendance register and,
 * where the society's rules allow proxies, the proxies held by those present (a proxy whose
 * holder stayed away raises no hand, and a member who came in person is counted once, in person).
 * Figures for a show of hands above that are a miscount, whatever the size of the register.
 *
 * @param present     members checked in (in person or online)
 * @param proxiesHeld members not checked in whose proxy holder is present
 */
public record ShowOfHands(long present, long proxiesHeld) {

    public ShowOfHands {
        if (present < 0 || proxiesHeld < 0) {
            throw new IllegalArgumentException("Counts of members cannot be negative");
        }
    }

    /**
     * @param chairPresent whether the chair is there to vote the proxies given to the chair (while the meeting is open)
     */
    public static ShowOfHands in(SocietyRules rules, Set<Long> presentMembers, ProxyBook proxies, boolean chairPresent) {
        return new ShowOfHands(presentMembers.size(), rules.proxiesAllowed() ? proxies.presentByProxy(presentMembers, chairPresent) : 0);
    }

    /** The most hands the room can show: for, against and abstentions together. */
    public long mostHands() {
        return present + proxiesHeld;
    }

    /** Why these figures cannot be right, or empty when they can. */
    public Optional<String> problemWith(Tally hands) {
        if (hands.participated() <= mostHands()) {
            return Optional.empty();
        }
        long counted = hands.participated();
        String room = (present == 0 ? "no members checked in" : present + (present == 1 ? " member" : " members") + " checked in")
                + (proxiesHeld == 0 ? "" : " and " + proxiesHeld + (proxiesHeld == 1 ? " proxy" : " proxies") + " held by those present");
        return Optional.of("The figures add up to " + counted + (counted == 1 ? " hand " : " hands ") + "(for, against and abstentions)"
                + " but at most " + mostHands() + " can be shown: " + room
                + " on the attendance register. Check the count, or check members in first");
    }
}
