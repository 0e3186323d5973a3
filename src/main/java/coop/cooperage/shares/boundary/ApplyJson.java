package coop.cooperage.shares.boundary;

import coop.cooperage.members.entity.EmailPurpose;
import coop.cooperage.members.entity.MemberDetails;
import coop.cooperage.members.entity.MemberKind;
import coop.cooperage.shares.entity.PaymentMethod;
import java.time.LocalDate;
import java.util.Set;

/**
 * An application for shares. A signed-in member sends no investor; anyone else sends their
 * membership details as investor, and becomes an applicant for membership too.
 *
 * @param declarations that the investor has read the offer document and understands the risks
 * @param idempotencyKey new for each application; sending it again returns the first application
 */
public record ApplyJson(Long amountPence, PaymentMethod paymentMethod, Boolean declarations, String idempotencyKey, Investor investor) {

    /** A new investor's membership details. */
    public record Investor(MemberKind kind, String name, String representative, Boolean registeredSociety, String address,
            String postcode, String email, Set<EmailPurpose> emailPurposes, LocalDate dateOfBirth) {

        public MemberDetails details() {
            return new MemberDetails(kind == null ? MemberKind.INDIVIDUAL : kind, name, representative, address, postcode, email,
                    emailPurposes, dateOfBirth, Boolean.TRUE.equals(registeredSociety));
        }
    }
}
