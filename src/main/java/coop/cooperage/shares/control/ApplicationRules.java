package coop.cooperage.shares.control;

import coop.cooperage.members.entity.MemberKind;
import coop.cooperage.money.Money;
import coop.cooperage.platform.control.FieldErrors;
import coop.cooperage.platform.control.InvalidInputException;
import coop.cooperage.shares.entity.Holding;
import coop.cooperage.shares.entity.Locality;
import coop.cooperage.shares.entity.OfferState;
import coop.cooperage.shares.entity.ShareOffer;
import coop.cooperage.society.entity.AreaOfBenefit;
import coop.cooperage.society.entity.SocietyRules;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;

/**
 * Whether an application may be made: the offer's window, who it is open to, and the amount
 * against the offer's limits and the society's rules. Pure, so every rule is tested without a
 * container; {@link ShareApplications} calls it under the member's lock with the figures read there.
 */
public final class ApplicationRules {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy");

    /** Who is applying, as far as eligibility goes. */
    public record Applicant(MemberKind kind, LocalDate dateOfBirth, boolean registeredSociety, String postcode) {
    }

    /**
     * What the applicant already has in the society: their holding, and their other live
     * applications not yet in the ledger (so two applications cannot together pass a limit).
     */
    public record Position(Holding held, long pendingShares, Money pending) {
        public static final Position NONE = new Position(Holding.NONE, 0, Money.ZERO);

        long shares() {
            return held.shares() + pendingShares;
        }

        Money amount() {
            return held.amountPaid().plus(pending);
        }
    }

    /** An application that passed: the whole shares it buys and whether the applicant is local. */
    public record Decision(long shares, boolean local) {
    }

    private ApplicationRules() {
    }

    /** The offer accepts applications today, or an error saying why not. */
    public static void requireOpen(ShareOffer offer, LocalDate today) {
        if (offer.acceptsApplicationsOn(today)) {
            return;
        }
        if (offer.state() == OfferState.OPEN && today.isBefore(offer.opensOn())) {
            throw new InvalidInputException("offer", "This offer opens for applications on " + DAY.format(offer.opensOn()));
        }
        if (offer.state() == OfferState.DRAFT) {
            throw new InvalidInputException("offer", "This offer is not open for applications: it has not been published");
        }
        throw new InvalidInputException("offer", "This offer is not open for applications"
                + (offer.state() == OfferState.OPEN ? ": it closed on " + DAY.format(offer.closesOn()) : ": it is " + offer.state().label().toLowerCase()));
    }

    /** Every problem with who is applying, by field (kind, dateOfBirth, postcode). */
    public static FieldErrors eligibility(ShareOffer offer, AreaOfBenefit area, Applicant applicant, LocalDate today) {
        var errors = new FieldErrors();
        if (applicant.kind() == MemberKind.ORGANISATION) {
            errors.check(offer.organisations(), "kind", "This offer is open to individuals only, not organisations");
        } else {
            errors.check(offer.individuals(), "kind", "This offer is open to organisations only, not individuals");
            Integer minimumAge = offer.minimumAge();
            if (minimumAge != null && minimumAge > 0) {
                if (applicant.dateOfBirth() == null) {
                    errors.add("dateOfBirth", "Enter your date of birth: this offer has a minimum age of " + minimumAge);
                } else if (Period.between(applicant.dateOfBirth(), today).getYears() < minimumAge) {
                    errors.add("dateOfBirth", "You must be at least " + minimumAge + " years old to apply for this offer");
                }
            }
        }
        if (offer.locality() == Locality.LOCAL_ONLY) {
            errors.check(area.contains(applicant.postcode()), "postcode",
                    "This offer is only open to people and organisations in the society's area (postcodes " + area + ")");
        }
        return errors;
    }

    /**
     * The shares an amount buys, or every problem with it under the field "amount": whole shares,
     * the offer's least and most per applicant, and the society's maximum holding and cap counting
     * what the applicant holds and has applied for. The cap does not bind a registered society.
     */
    public static long shares(ShareOffer offer, SocietyRules rules, Applicant applicant, Money amount, Position position) {
        if (amount == null || amount.pence() <= 0) {
            throw new InvalidInputException("amount", "Enter the amount you want to invest, like 500");
        }
        long price = offer.sharePrice().pence();
        if (amount.pence() % price != 0) {
            throw new InvalidInputException("amount", "Enter an amount that buys whole shares: a multiple of " + offer.sharePrice()
                    + " (shares cost " + offer.sharePrice() + " each)");
        }
        long shares = amount.pence() / price;
        if (offer.minPerApplicant().isGreaterThan(amount)) {
            throw new InvalidInputException("amount", "The least you can apply for in this offer is " + offer.minPerApplicant());
        }
        if (amount.isGreaterThan(offer.maxPerApplicant())) {
            throw new InvalidInputException("amount", "The most you can apply for in this offer is " + offer.maxPerApplicant());
        }
        boolean capped = !(applicant.kind() == MemberKind.ORGANISATION && applicant.registeredSociety());
        Money after = position.amount().plus(amount);
        if (capped && after.isGreaterThan(rules.statutoryCap())) {
            Money room = rules.statutoryCap().minus(position.amount());
            throw new InvalidInputException("amount", "No member may hold more than " + rules.statutoryCap() + ". You hold "
                    + position.held().amountPaid() + " and have applied for " + position.pending() + " in other applications, so you can apply for at most "
                    + (room.isNegative() ? Money.ZERO : room) + " more");
        }
        // the society's holding limits are counted in shares of its nominal value, so compare by value
        Money most = rules.nominalShareValue().times(rules.maximumHoldingShares());
        if (capped && after.isGreaterThan(most)) {
            Money room = most.minus(position.amount());
            throw new InvalidInputException("amount", "The society's rules let a member hold at most " + rules.maximumHoldingShares()
                    + " shares (" + most + "). With what you hold and have applied for, you can apply for at most "
                    + (room.isNegative() ? Money.ZERO : room) + " more");
        }
        Money least = rules.nominalShareValue().times(rules.minimumHoldingShares());
        if (least.isGreaterThan(after)) {
            throw new InvalidInputException("amount", "Members must hold at least " + rules.minimumHoldingShares()
                    + " shares (" + least + "): apply for at least " + least.minus(position.amount()));
        }
        return shares;
    }

    /** The whole decision, as {@link ShareApplications} makes it at submission. */
    public static Decision decide(ShareOffer offer, SocietyRules rules, AreaOfBenefit area, Applicant applicant, Money amount,
            Position position, LocalDate today) {
        requireOpen(offer, today);
        eligibility(offer, area, applicant, today).throwIfAny();
        return new Decision(shares(offer, rules, applicant, amount, position), area.contains(applicant.postcode()));
    }
}
