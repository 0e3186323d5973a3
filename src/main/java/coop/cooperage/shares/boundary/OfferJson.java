package coop.cooperage.shares.boundary;

import coop.cooperage.money.Money;
import coop.cooperage.shares.control.Offers;
import coop.cooperage.shares.entity.Locality;
import coop.cooperage.shares.entity.OfferState;
import coop.cooperage.shares.entity.OfferTerms;
import coop.cooperage.shares.entity.ScaleBack;
import coop.cooperage.shares.entity.ShareOffer;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A share offer as the API shows and accepts it; amounts in pence. State, document and progress
 * are only shown. A missing share price means the society's nominal share value.
 */
public record OfferJson(String slug, String title, String description, String keyFacts, String risks, LocalDate opensOn,
        LocalDate closesOn, Long minTargetPence, Long maxTargetPence, Long minPerApplicantPence, Long maxPerApplicantPence,
        Long sharePricePence, Boolean individuals, Boolean organisations, Integer minimumAge, Locality locality, ScaleBack scaleBack,
        BigDecimal targetInterestRate, PayTo payTo, String chequePayee, String chequeAddress, OfferState state, String documentName,
        Long raisedPence, Long investors, Long applications) {

    /** The society's account that bank transfers for this offer go to. */
    public record PayTo(String accountName, String sortCode, String accountNumber) {
    }

    public static OfferJson of(ShareOffer o, Offers.Progress p) {
        var bank = o.bankDetails();
        return new OfferJson(o.slug(), o.title(), o.description(), o.keyFacts(), o.risks(), o.opensOn(), o.closesOn(), o.minTarget().pence(),
                o.maxTarget().pence(), o.minPerApplicant().pence(), o.maxPerApplicant().pence(), o.sharePrice().pence(), o.individuals(),
                o.organisations(), o.minimumAge(), o.locality(), o.scaleBack(), o.targetInterestRate(),
                bank == null ? null : new PayTo(bank.accountName(), bank.formattedSortCode(), bank.accountNumber()), o.chequePayee(),
                o.chequeAddress(), o.state(), o.documentName(), p == null ? null : p.raised().pence(), p == null ? null : p.investors(),
                p == null ? null : p.applications());
    }

    public OfferTerms terms(Money nominal) {
        return new OfferTerms(slug, title, description, keyFacts, risks, opensOn, closesOn, money(minTargetPence), money(maxTargetPence),
                money(minPerApplicantPence), money(maxPerApplicantPence), sharePricePence == null ? nominal : Money.ofPence(sharePricePence),
                individuals == null || individuals, organisations == null || organisations, minimumAge, locality, scaleBack,
                targetInterestRate, payTo == null ? null : payTo.accountName(), payTo == null ? null : payTo.sortCode(),
                payTo == null ? null : payTo.accountNumber(), chequePayee, chequeAddress);
    }

    private static Money money(Long pence) {
        return pence == null ? null : Money.ofPence(pence);
    }
}
