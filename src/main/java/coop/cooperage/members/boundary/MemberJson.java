package coop.cooperage.members.boundary;

import coop.cooperage.members.entity.CeasingReason;
import coop.cooperage.members.entity.EmailPurpose;
import coop.cooperage.members.entity.Member;
import coop.cooperage.members.entity.MemberDetails;
import coop.cooperage.members.entity.MemberKind;
import coop.cooperage.members.entity.MemberState;
import java.time.LocalDate;
import java.util.Set;

/** A member as the API shows and accepts it. */
public record MemberJson(Long memberNumber, String applicationReference, MemberState state, MemberKind kind, String name,
        String representative, Boolean registeredSociety, String address, String postcode, Boolean local, String email,
        Set<EmailPurpose> emailPurposes, LocalDate dateOfBirth, LocalDate appliedOn, LocalDate joinedOn, LocalDate ceasedOn,
        CeasingReason ceasedReason) {

    public static MemberJson of(Member m, boolean local) {
        return new MemberJson(m.memberNumber(), m.applicationRef(), m.state(), m.kind(), m.name(), m.representative(),
                m.isRegisteredSociety(), m.address(), m.postcode().value(), local, m.email(), m.emailPurposes(), m.dateOfBirth(),
                m.appliedOn(), m.joinedOn(), m.ceasedOn(), m.ceasedReason());
    }

    public MemberDetails details() {
        return new MemberDetails(kind == null ? MemberKind.INDIVIDUAL : kind, name, representative, address, postcode, email,
                emailPurposes, dateOfBirth, Boolean.TRUE.equals(registeredSociety));
    }
}
