package coop.cooperage.shares.entity;

import coop.cooperage.money.Money;
import coop.cooperage.money.BankDetails;
import coop.cooperage.money.InvalidBankDetailsException;
import coop.cooperage.platform.control.FieldErrors;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the secretary sets for an offer: everything but its state and document. {@link #validate}
 * reports every problem at once, against the field that has it.
 *
 * @param minimumAge null for none beyond the society's own rules
 * @param payAccountName with sort code and account number: where bank transfers go (all or none)
 */
public record OfferTerms(String slug, String title, String description, String keyFacts, String risks, LocalDate opensOn,
        LocalDate closesOn, Money minTarget, Money maxTarget, Money minPerApplicant, Money maxPerApplicant, Money sharePrice,
        boolean individuals, boolean organisations, Integer minimumAge, Locality locality, ScaleBack scaleBack,
        BigDecimal targetInterestRate, String payAccountName, String paySortCode, String payAccountNumber, String chequePayee,
        String chequeAddress) {

    private static final Pattern SLUG = Pattern.compile("^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$");
    /** Path words under /offers that are pages of their own, so no offer may take them. */
    private static final java.util.Set<String> RESERVED = java.util.Set.of("my-applications", "new", "applications");

    public OfferTerms {
        slug = blankToNull(slug);
        slug = slug == null ? null : slug.toLowerCase(java.util.Locale.ROOT);
        title = blankToNull(title);
        description = blankToNull(description);
        keyFacts = blankToNull(keyFacts);
        risks = blankToNull(risks);
        payAccountName = blankToNull(payAccountName);
        paySortCode = blankToNull(paySortCode);
        payAccountNumber = blankToNull(payAccountNumber);
        chequePayee = blankToNull(chequePayee);
        chequeAddress = blankToNull(chequeAddress);
        locality = locality == null ? Locality.ANYONE : locality;
        scaleBack = scaleBack == null ? ScaleBack.LARGEST_FIRST : scaleBack;
    }

    public FieldErrors validate() {
        var errors = new FieldErrors();
        errors.check(slug != null && SLUG.matcher(slug).matches() && !RESERVED.contains(slug), "slug",
                "Enter a short name for the address: lower-case letters, digits and hyphens, like solar-schools-2026");
        errors.check(title != null && title.length() <= 200, "title", "Enter a title of up to 200 characters");
        errors.check(description != null && description.length() <= 20_000, "description", "Say what the offer is for and why");
        errors.check(keyFacts == null || keyFacts.length() <= 20_000, "keyFacts", "Key facts must be under 20,000 characters");
        errors.check(risks == null || risks.length() <= 20_000, "risks", "Risks must be under 20,000 characters");
        errors.check(opensOn != null, "opensOn", "Enter the date the offer opens");
        errors.check(closesOn != null, "closesOn", "Enter the date the offer closes");
        if (opensOn != null && closesOn != null) {
            errors.check(!closesOn.isBefore(opensOn), "closesOn", "The offer must close on or after the day it opens");
        }
        errors.check(sharePrice != null && sharePrice.pence() > 0, "sharePrice", "Enter the price of one share, like 1.00");
        errors.check(positive(minTarget), "minTarget", "Enter the minimum target");
        errors.check(positive(maxTarget), "maxTarget", "Enter the maximum target");
        if (positive(minTarget) && positive(maxTarget)) {
            errors.check(!minTarget.isGreaterThan(maxTarget), "maxTarget", "The maximum target must be at least the minimum target");
        }
        errors.check(positive(minPerApplicant), "minPerApplicant", "Enter the least one applicant may apply for");
        errors.check(positive(maxPerApplicant), "maxPerApplicant", "Enter the most one applicant may apply for");
        if (positive(minPerApplicant) && positive(maxPerApplicant)) {
            errors.check(!minPerApplicant.isGreaterThan(maxPerApplicant), "maxPerApplicant",
                    "The most per applicant must be at least the least per applicant");
        }
        if (sharePrice != null && sharePrice.pence() > 0) {
            for (var e : Map.of("minPerApplicant", nullSafe(minPerApplicant), "maxPerApplicant", nullSafe(maxPerApplicant)).entrySet()) {
                errors.check(e.getValue() % sharePrice.pence() == 0, e.getKey(), "Must be a whole number of shares at " + sharePrice);
            }
        }
        errors.check(individuals || organisations, "individuals", "Let individuals, organisations or both apply");
        errors.check(minimumAge == null || (minimumAge >= 0 && minimumAge <= 25), "minimumAge", "Minimum age must be between 0 and 25");
        errors.check(targetInterestRate == null || (targetInterestRate.signum() >= 0 && targetInterestRate.compareTo(BigDecimal.valueOf(20)) <= 0
                && targetInterestRate.stripTrailingZeros().scale() <= 3), "targetInterestRate",
                "Target interest rate must be a percentage between 0 and 20, like 3.5");
        boolean anyBank = payAccountName != null || paySortCode != null || payAccountNumber != null;
        if (anyBank) {
            try {
                new BankDetails(paySortCode, payAccountNumber, payAccountName);
            } catch (InvalidBankDetailsException e) {
                errors.add("paySortCode", "Enter the society's account name, 6-digit sort code and 8-digit account number, or none of them");
            }
        }
        errors.check(chequeAddress == null || chequeAddress.length() <= 500, "chequeAddress", "The cheque address must be under 500 characters");
        errors.check(chequePayee == null || chequePayee.length() <= 200, "chequePayee", "The cheque payee must be under 200 characters");
        return errors;
    }

    /** The receiving account in canonical form, or null when the offer takes no transfers. */
    public BankDetails bankDetails() {
        return payAccountName == null ? null : new BankDetails(paySortCode, payAccountNumber, payAccountName);
    }

    public Map<String, Object> asMap() {
        var m = new LinkedHashMap<String, Object>();
        m.put("slug", slug);
        m.put("title", title);
        m.put("opensOn", String.valueOf(opensOn));
        m.put("closesOn", String.valueOf(closesOn));
        m.put("minTargetPence", nullSafe(minTarget));
        m.put("maxTargetPence", nullSafe(maxTarget));
        m.put("minPerApplicantPence", nullSafe(minPerApplicant));
        m.put("maxPerApplicantPence", nullSafe(maxPerApplicant));
        m.put("sharePricePence", nullSafe(sharePrice));
        m.put("individuals", individuals);
        m.put("organisations", organisations);
        m.put("minimumAge", minimumAge);
        m.put("locality", locality.name());
        m.put("scaleBack", scaleBack.name());
        m.put("targetInterestRate", targetInterestRate == null ? null : targetInterestRate.toPlainString());
        return m;
    }

    private static boolean positive(Money m) {
        return m != null && m.pence() > 0;
    }

    private static long nullSafe(Money m) {
        return m == null ? 0 : m.pence();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
