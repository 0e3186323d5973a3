package coop.cooperage.members.entity;

import java.time.LocalDate;

/**
 * One member's entry in the statutory register (2014 Act s.30) as at a date: every field the
 * Act names. A projection for reports and exports, not an entity.
 *
 * @param address          the postal address, lines separated by "\n", without the postcode
 * @param emailPurposes    the purposes the member agreed to, in words ("Notices of meetings and votes; News about the society"), or "" if none
 * @param sharesHeld       whole shares held at the as-at date
 * @param amountPaidPence  amount paid up on those shares, in pence
 * @param otherProperty    other property held in the society (loans, deposits), in words, or "None"
 * @param dateCeased       null while still a member at the as-at date
 */
public record RegisterEntry(long memberNumber, String name, String representative, String address, String postcode,
        String email, String emailPurposes, long sharesHeld, long amountPaidPence, String otherProperty,
        LocalDate dateEntered, LocalDate dateCeased, boolean local) {
}
