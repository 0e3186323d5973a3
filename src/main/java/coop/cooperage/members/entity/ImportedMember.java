package coop.cooperage.members.entity;

import coop.cooperage.money.Money;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One member read from an existing register, checked and typed, ready to be entered on the
 * register with an opening balance in the share ledger. Only a file in which every row checked
 * out produces these, so holding one means the whole file is fit to import.
 *
 * @param sourceRow         the spreadsheet row it came from (as the user sees it, heading row = 1), for the
 *                          audit trail and the opening balance's reference
 * @param memberNumber      the number the society already gave the member; empty when the old register had none
 *                          and one is to be allocated
 * @param representative    the person who acts for an organisation; empty for an individual
 * @param address           the postal address without the postcode, lines separated by "\n"
 * @param email             empty when the member gave none
 * @param emailPurposes     what the member agreed to be emailed about; empty without an email address
 * @param dateOfBirth       empty when not recorded, and always for an organisation
 * @param joinedOn          the date entered on the register (s.30)
 * @param shares            whole shares held, the opening balance; may be 0
 * @param amountPaid        paid up on those shares: always shares times the nominal value
 * @param registeredSociety the member is itself a registered society, so no holding cap applies
 */
public record ImportedMember(
        int sourceRow,
        OptionalLong memberNumber,
        MemberKind kind,
        String name,
        Optional<String> representative,
        String address,
        Postcode postcode,
        Optional<String> email,
        Set<EmailPurpose> emailPurposes,
        Optional<LocalDate> dateOfBirth,
        LocalDate joinedOn,
        long shares,
        Money amountPaid,
        boolean registeredSociety) {

    public ImportedMember {
        Objects.requireNonNull(memberNumber, "memberNumber");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(representative, "representative");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(postcode, "postcode");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(dateOfBirth, "dateOfBirth");
        Objects.requireNonNull(joinedOn, "joinedOn");
        Objects.requireNonNull(amountPaid, "amountPaid");
        // EnumSet keeps the purposes in declaration order, so they are stored and shown the same way every time
        emailPurposes = emailPurposes.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(EmailPurpose.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(emailPurposes));
    }
}
