package coop.cooperage.members.control;

import coop.cooperage.members.entity.Postcode;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The members a society already has, as far as an import needs them: to refuse a row that would
 * enter one of them a second time. The caller loads them; which to include is its choice, but
 * member numbers are never reused, so members who have ceased belong here too.
 */
public final class ExistingMembers {

    /**
     * One member already on the register.
     *
     * @param memberNumber null for an applicant not yet given a number
     * @param postcode     as stored; compared in its canonical form
     * @param email        null when none
     */
    public record Member(Long memberNumber, String name, String postcode, String email) {
    }

    private static final ExistingMembers NONE = new ExistingMembers(Map.of(), Map.of(), Map.of());

    private final Map<Long, Member> byNumber;
    private final Map<String, Member> byEmail;
    private final Map<String, Member> byNameAndPostcode;

    private ExistingMembers(Map<Long, Member> byNumber, Map<String, Member> byEmail,
            Map<String, Member> byNameAndPostcode) {
        this.byNumber = byNumber;
        this.byEmail = byEmail;
        this.byNameAndPostcode = byNameAndPostcode;
    }

    /** A society with no members yet: the usual case for a first import. */
    public static ExistingMembers none() {
        return NONE;
    }

    public static ExistingMembers of(Collection<Member> members) {
        var byNumber = new HashMap<Long, Member>();
        var byEmail = new HashMap<String, Member>();
        var byNameAndPostcode = new HashMap<String, Member>();
        for (Member m : members) {
            if (m.memberNumber() != null) {
                byNumber.putIfAbsent(m.memberNumber(), m);
            }
            if (m.email() != null && !m.email().isBlank()) {
                byEmail.putIfAbsent(MatchKeys.email(m.email()), m);
            }
            if (m.name() != null) {
                Postcode.parse(m.postcode()).ifPresent(p -> byNameAndPostcode.putIfAbsent(
                        MatchKeys.nameAndPostcode(m.name(), p), m));
            }
        }
        return new ExistingMembers(Map.copyOf(byNumber), Map.copyOf(byEmail), Map.copyOf(byNameAndPostcode));
    }

    public Optional<Member> withNumber(long memberNumber) {
        return Optional.ofNullable(byNumber.get(memberNumber));
    }

    public Optional<Member> withEmail(String email) {
        return Optional.ofNullable(byEmail.get(MatchKeys.email(email)));
    }

    public Optional<Member> withNameAndPostcode(String name, Postcode postcode) {
        return Optional.ofNullable(byNameAndPostcode.get(MatchKeys.nameAndPostcode(name, postcode)));
    }
}
