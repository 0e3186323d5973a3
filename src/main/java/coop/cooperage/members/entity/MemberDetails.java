package coop.cooperage.members.entity;

import coop.cooperage.identity.control.Emails;
import coop.cooperage.platform.control.FieldErrors;
import java.time.LocalDate;
import java.time.Period;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a person or organisation tells the society about themselves: the s.30 contact fields
 * and what decides eligibility. {@link #validate} reports every problem at once.
 *
 * @param address lines separated by "\n", without the postcode
 */
public record MemberDetails(MemberKind kind, String name, String representative, String address, String postcode,
        String email, Set<EmailPurpose> emailPurposes, LocalDate dateOfBirth, boolean registeredSociety) {

    public MemberDetails {
        emailPurposes = emailPurposes == null || emailPurposes.isEmpty() ? EnumSet.noneOf(EmailPurpose.class) : EnumSet.copyOf(emailPurposes);
        name = trim(name);
        representative = trim(representative);
        address = address == null ? null : address.strip().replaceAll("\\r\\n?", "\n").replaceAll("\\n{2,}", "\n");
        email = email == null || email.isBlank() ? null : email.trim().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * @param today       the date the details are given on
     * @param minimumAge  the society's minimum age for members (0 for none)
     */
    public FieldErrors validate(LocalDate today, int minimumAge) {
        var errors = new FieldErrors();
        errors.check(kind != null, "kind", "Choose whether the member is an individual or an organisation");
        errors.check(name != null && !name.isEmpty() && name.length() <= 200, "name",
                kind == MemberKind.ORGANISATION ? "Enter the organisation's name" : "Enter the member's full name");
        if (kind == MemberKind.ORGANISATION) {
            errors.check(representative != null && !representative.isEmpty() && representative.length() <= 200, "representative",
                    "Enter the name of the person who represents the organisation");
        }
        errors.check(address != null && !address.isEmpty() && address.length() <= 500, "address", "Enter the postal address");
        errors.check(Postcode.parse(postcode).isPresent(), "postcode", "Enter a real UK postcode, like BS1 4RW");
        if (email != null) {
            errors.check(Emails.isValid(email), "email", "Enter an email address in the correct format, like name@example.com");
        }
        errors.check(email != null || emailPurposes.isEmpty(), "email", "Enter an email address to be contacted by email");
        if (kind == MemberKind.INDIVIDUAL) {
            if (dateOfBirth == null) {
                errors.add("dateOfBirth", "Enter the date of birth");
            } else if (dateOfBirth.isAfter(today)) {
                errors.add("dateOfBirth", "Date of birth must be in the past");
            } else if (Period.between(dateOfBirth, today).getYears() < minimumAge) {
                errors.add("dateOfBirth", "Members must be at least " + minimumAge + " years old under the society's rules");
            } else if (dateOfBirth.isBefore(today.minusYears(130))) {
                errors.add("dateOfBirth", "Enter a real date of birth");
            }
        }
        return errors;
    }

    public Postcode parsedPostcode() {
        return Postcode.parse(postcode).orElseThrow(() -> new IllegalArgumentException("Enter a real UK postcode, like BS1 4RW"));
    }

    private static String trim(String s) {
        return s == null ? null : s.trim().replaceAll("\\s+", " ");
    }
}
