package coop.cooperage.shares.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.cooperage.money.Money;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class ShareOfferTest {

    static OfferTerms terms(String account) {
        return new OfferTerms("solar", "Solar schools", "Panels", null, null, LocalDate.of(2026, 11, 1), LocalDate.of(2027, 1, 31),
                Money.ofPounds(10_000), Money.ofPounds(100_000), Money.ofPounds(100), Money.ofPounds(10_000), Money.ofPounds(1), true,
                true, 16, Locality.ANYONE, ScaleBack.PRO_RATA, null, account, account == null ? null : "123456",
                account == null ? null : "12345678", null, null);
    }

    @Test
    void opensOnlyWithADocumentAndAWayToPay() {
        var offer = ShareOffer.draft(1, terms(null), LocalDateTime.now());
        assertThatThrownBy(offer::open).hasMessageContaining("offer document");
        offer.attachDocument("offer.pdf", new byte[] {1});
        assertThatThrownBy(offer::open).hasMessageContaining("bank account or the cheque address");
        offer.revise(terms("Riverside"));
        offer.open();
        assertThat(offer.state()).isEqualTo(OfferState.OPEN);
        assertThat(offer.bankDetails().formattedSortCode()).isEqualTo("12-34-56");
    }

    @Test
    void closingEarlyMakesTheDayItClosedTheClosingDateButClosingLateDoesNot() {
        var early = ShareOffer.draft(1, terms("Riverside"), LocalDateTime.now());
        early.attachDocument("offer.pdf", new byte[] {1});
        early.open();
        early.closeEarly(LocalDate.of(2026, 12, 2));
        assertThat(early.state()).isEqualTo(OfferState.CLOSED);
        assertThat(early.closesOn()).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThatThrownBy(() -> early.closeEarly(LocalDate.of(2026, 12, 3))).isInstanceOf(IllegalStateException.class);

        var late = ShareOffer.draft(1, terms("Riverside"), LocalDateTime.now());
        late.attachDocument("offer.pdf", new byte[] {1});
        late.open();
        late.closeEarly(LocalDate.of(2027, 2, 3));
        assertThat(late.closesOn()).isEqualTo(LocalDate.of(2027, 1, 31));
    }

    @Test
    void anOpenOfferOnlyExtendsItsCloseAndMovesForward() {
        var offer = ShareOffer.draft(1, terms("Riverside"), LocalDateTime.now());
        offer.attachDocument("offer.pdf", new byte[] {1});
        offer.open();
        assertThatThrownBy(() -> offer.revise(terms("Other"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> offer.attachDocument("x.pdf", new byte[] {2})).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> offer.extendTo(LocalDate.of(2027, 1, 31))).isInstanceOf(IllegalArgumentException.class);
        offer.extendTo(LocalDate.of(2027, 2, 28));
        assertThat(offer.closesOn()).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(offer.isOverdueOn(LocalDate.of(2027, 3, 1))).isTrue();
        assertThatThrownBy(() -> offer.fail(Money.ZERO)).isInstanceOf(IllegalStateException.class);
        offer.close();
        assertThatThrownBy(() -> offer.extendTo(LocalDate.of(2027, 4, 1))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> offer.fail(Money.ofPounds(10_000))).hasMessageContaining("meets its minimum target");
        offer.fail(Money.parse("9999.99"));
        assertThat(offer.state()).isEqualTo(OfferState.FAILED);
        assertThatThrownBy(offer::cancel).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void termsReportEveryProblemAtOnce() {
        var bad = new OfferTerms("Bad Slug!", null, null, null, null, LocalDate.of(2027, 2, 1), LocalDate.of(2027, 1, 1),
                Money.ofPounds(100), Money.ofPounds(50), Money.parse("10.50"), Money.ofPounds(5), Money.ofPounds(1), false, false, 40,
                null, null, new java.math.BigDecimal("-1"), "Acct", "12", null, null, null);
        assertThat(bad.validate().byField()).containsKeys("slug", "title", "description", "closesOn", "maxTarget", "maxPerApplicant",
                "minPerApplicant", "individuals", "minimumAge", "targetInterestRate", "paySortCode");
        assertThat(terms("Riverside").validate().isEmpty()).isTrue();
        assertThat(new OfferTerms("my-applications", "t", "d", null, null, LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 1),
                Money.ofPounds(1), Money.ofPounds(1), Money.ofPounds(1), Money.ofPounds(1), Money.ofPounds(1), true, true, null, null,
                null, null, null, null, null, null, "Somewhere").validate().byField()).containsKey("slug");
    }

    @Test
    void aWithdrawnApplicationCannotBeWithdrawnOrRefundedAgain() {
        var a = new ShareApplication(1, 2, 3, null, "RCE-ABCDEF", 100, Money.ofPounds(100), PaymentMethod.CHEQUE, true, "k",
                LocalDateTime.now());
        assertThat(a.isLive()).isTrue();
        a.withdraw(LocalDateTime.now());
        assertThat(a.state()).isEqualTo(ApplicationState.WITHDRAWN);
        assertThat(a.isLive()).isFalse();
        assertThatThrownBy(() -> a.withdraw(LocalDateTime.now())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(a::refundBecauseOfferEnded).isInstanceOf(IllegalStateException.class);
    }
}
