package coop.cooperage.shares.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.cooperage.members.entity.MemberKind;
import coop.cooperage.money.Money;
import coop.cooperage.platform.control.InvalidInputException;
import coop.cooperage.shares.control.ApplicationRules.Applicant;
import coop.cooperage.shares.control.ApplicationRules.Position;
import coop.cooperage.shares.entity.Holding;
import coop.cooperage.shares.entity.Locality;
import coop.cooperage.shares.entity.OfferTerms;
import coop.cooperage.shares.entity.ScaleBack;
import coop.cooperage.shares.entity.ShareOffer;
import coop.cooperage.society.entity.AreaOfBenefit;
import coop.cooperage.society.entity.Jurisdiction;
import coop.cooperage.society.entity.SocietyRules;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class ApplicationRulesTest {

    static final LocalDate OPENS = LocalDate.of(2026, 11, 1);
    static final LocalDate CLOSES = LocalDate.of(2027, 1, 31);
    static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    static final SocietyRules GB = SocietyRules.defaults(Jurisdiction.GREAT_BRITAIN);
    static final AreaOfBenefit AREA = AreaOfBenefit.parse("BS1, BS3 4");
    static final Applicant LOCAL_ADULT = new Applicant(MemberKind.INDIVIDUAL, LocalDate.of(1980, 5, 5), false, "BS1 4RW");

    static OfferTerms terms(Locality locality, Integer minimumAge, boolean individuals, boolean organisations, long maxPerApplicantPounds) {
        return new OfferTerms("solar", "Solar schools", "Panels on schools", null, null, OPENS, CLOSES, Money.ofPounds(10_000),
                Money.ofPounds(500_000), Money.ofPounds(100), Money.ofPounds(maxPerApplicantPounds), Money.ofPounds(1), individuals,
                organisations, minimumAge, locality, ScaleBack.LARGEST_FIRST, null, "Riverside Community Energy", "12-34-56", "12345678",
                null, null);
    }

    static ShareOffer open(OfferTerms terms) {
        var offer = ShareOffer.draft(1, terms, LocalDateTime.of(2026, 10, 1, 9, 0));
        offer.attachDocument("offer.pdf", new byte[] {'%', 'P', 'D', 'F', '-'});
        offer.open();
        return offer;
    }

    static ShareOffer standard() {
        return open(terms(Locality.ANYONE, 16, true, true, 150_000));
    }

    static String amountError(Runnable r) {
        try {
            r.run();
        } catch (InvalidInputException e) {
            return e.byField().get("amount");
        }
        throw new AssertionError("expected the amount to be refused");
    }

    @Test
    void anAmountWithinEveryLimitBuysWholeShares() {
        var d = ApplicationRules.decide(standard(), GB, AREA, LOCAL_ADULT, Money.ofPounds(500), Position.NONE, TODAY);
        assertThat(d.shares()).isEqualTo(500);
        assertThat(d.local()).isTrue();
    }

    @Test
    void partSharesAreRefused() {
        assertThat(amountError(() -> ApplicationRules.shares(standard(), GB, LOCAL_ADULT, Money.parse("500.50"), Position.NONE)))
                .contains("whole shares");
        var dearer = open(new OfferTerms("s", "t", "d", null, null, OPENS, CLOSES, Money.ofPounds(100), Money.ofPounds(1000),
                Money.ofPounds(100), Money.ofPounds(1000), Money.ofPounds(25), true, true, null, null, null, null, "Acct", "123456",
                "12345678", null, null));
        assertThat(amountError(() -> ApplicationRules.shares(dearer, GB, LOCAL_ADULT, Money.ofPounds(110), Position.NONE)))
                .contains("multiple of £25.00");
        assertThat(ApplicationRules.shares(dearer, GB, LOCAL_ADULT, Money.ofPounds(125), Position.NONE)).isEqualTo(5);
    }

    @Test
    void theOffersLeastAndMostPerApplicantAreEnforcedAtTheirEdges() {
        var offer = open(terms(Locality.ANYONE, null, true, true, 2_000));
        assertThat(amountError(() -> ApplicationRules.shares(offer, GB, LOCAL_ADULT, Money.ofPounds(99), Position.NONE)))
                .contains("least you can apply for in this offer is £100.00");
        assertThat(ApplicationRules.shares(offer, GB, LOCAL_ADULT, Money.ofPounds(100), Position.NONE)).isEqualTo(100);
        assertThat(ApplicationRules.shares(offer, GB, LOCAL_ADULT, Money.ofPounds(2_000), Position.NONE)).isEqualTo(2_000);
        assertThat(amountError(() -> ApplicationRules.shares(offer, GB, LOCAL_ADULT, Money.ofPounds(2_001), Position.NONE)))
                .contains("most you can apply for in this offer is £2,000.00");
        assertThat(amountError(() -> ApplicationRules.shares(offer, GB, LOCAL_ADULT, Money.ZERO, Position.NONE))).contains("Enter the amount");
        assertThat(amountError(() -> ApplicationRules.shares(offer, GB, LOCAL_ADULT, null, Position.NONE))).contains("Enter the amount");
    }

    @Test
    void theStatutoryCapCountsTheHoldingAndOtherLiveApplications() {
        var offer = standard();
        var holdsAndPending = new Position(new Holding(60_000, Money.ofPounds(60_000)), 30_000, Money.ofPounds(30_000));
        assertThat(ApplicationRules.shares(offer, GB, LOCAL_ADULT, Money.ofPounds(10_000), holdsAndPending)).isEqualTo(10_000);
        String error = amountError(() -> ApplicationRules.shares(offer, GB, LOCAL_ADULT, Money.ofPounds(10_001), holdsAndPending));
        assertThat(error).contains("£100,000.00").contains("hold £60,000.00").contains("applied for £30,000.00")
                .contains("at most £10,000.00 more");
        // the holding alone, or the pending alone, would have let it through: it is their sum that binds
        assertThat(ApplicationRules.shares(offer, GB, LOCAL_ADULT, Money.ofPounds(10_001),
                new Position(new Holding(60_000, Money.ofPounds(60_000)), 0, Money.ZERO))).isEqualTo(10_001);
        assertThat(ApplicationRules.shares(offer, GB, LOCAL_ADULT, Money.ofPounds(10_001),
                new Position(Holding.NONE, 30_000, Money.ofPounds(30_000)))).isEqualTo(10_001);
    }

    @Test
    void northernIrelandsCapIsTwentyThousand() {
        var ni = SocietyRules.defaults(Jurisdiction.NORTHERN_IRELAND);
        var offer = standard();
        assertThat(ApplicationRules.shares(offer, ni, LOCAL_ADULT, Money.ofPounds(20_000), Position.NONE)).isEqualTo(20_000);
        assertThat(amountError(() -> ApplicationRules.shares(offer, ni, LOCAL_ADULT, Money.ofPounds(20_001), Position.NONE)))
                .contains("£20,000.00");
    }

    @Test
    void aRegisteredSocietyIsNotCapped() {
        var society = new Applicant(MemberKind.ORGANISATION, null, true, "BS1 4RW");
        var company = new Applicant(MemberKind.ORGANISATION, null, false, "BS1 4RW");
        var offer = standard();
        assertThat(ApplicationRules.shares(offer, GB, society, Money.ofPounds(150_000), Position.NONE)).isEqualTo(150_000);
        assertThat(amountError(() -> ApplicationRules.shares(offer, GB, company, Money.ofPounds(150_000), Position.NONE)))
                .contains("£100,000.00");
    }

    @Test
    void theSocietysMaximumHoldingInSharesBindsBelowTheCap() {
        var rules = new SocietyRules(100, 50, 5_000, 100_000_00L, 16, 91, new java.math.BigDecimal("10"), 14, 20,
                new java.math.BigDecimal("10"), true, coop.cooperage.society.entity.RuleChangeMajority.TWO_THIRDS, true, 5, 48, 10);
        var position = new Position(new Holding(4_000, Money.ofPounds(4_000)), 500, Money.ofPounds(500));
        assertThat(ApplicationRules.shares(standard(), rules, LOCAL_ADULT, Money.ofPounds(500), position)).isEqualTo(500);
        assertThat(amountError(() -> ApplicationRules.shares(standard(), rules, LOCAL_ADULT, Money.ofPounds(600), position)))
                .contains("at most 5000 shares (£5,000.00)").contains("at most £500.00 more");
    }

    @Test
    void aNewMemberMustReachTheMinimumHolding() {
        var rules = new SocietyRules(100, 250, 100_000, 100_000_00L, 16, 91, new java.math.BigDecimal("10"), 14, 20,
                new java.math.BigDecimal("10"), true, coop.cooperage.society.entity.RuleChangeMajority.TWO_THIRDS, true, 5, 48, 10);
        assertThat(amountError(() -> ApplicationRules.shares(standard(), rules, LOCAL_ADULT, Money.ofPounds(200), Position.NONE)))
                .contains("at least 250 shares").contains("at least £250.00");
        // an existing member already over the minimum may add the offer's least
        assertThat(ApplicationRules.shares(standard(), rules, LOCAL_ADULT, Money.ofPounds(100),
                new Position(new Holding(300, Money.ofPounds(300)), 0, Money.ZERO))).isEqualTo(100);
    }

    @Test
    void theMinimumAgeIsCountedFromTheDateOfBirthOnTheDay() {
        var offer = standard();
        var sixteenToday = new Applicant(MemberKind.INDIVIDUAL, TODAY.minusYears(16), false, "BS1 4RW");
        var sixteenTomorrow = new Applicant(MemberKind.INDIVIDUAL, TODAY.minusYears(16).plusDays(1), false, "BS1 4RW");
        assertThat(ApplicationRules.eligibility(offer, AREA, sixteenToday, TODAY).isEmpty()).isTrue();
        assertThat(ApplicationRules.eligibility(offer, AREA, sixteenTomorrow, TODAY).byField())
                .containsEntry("dateOfBirth", "You must be at least 16 years old to apply for this offer");
        var noDate = new Applicant(MemberKind.INDIVIDUAL, null, false, "BS1 4RW");
        assertThat(ApplicationRules.eligibility(offer, AREA, noDate, TODAY).byField()).containsKey("dateOfBirth");
        // an organisation has no age
        assertThat(ApplicationRules.eligibility(offer, AREA, new Applicant(MemberKind.ORGANISATION, null, false, "BS1 4RW"), TODAY)
                .isEmpty()).isTrue();
    }

    @Test
    void individualsAndOrganisationsOnlyWhereTheOfferAllows() {
        var orgsOnly = open(terms(Locality.ANYONE, null, false, true, 2_000));
        var peopleOnly = open(terms(Locality.ANYONE, null, true, false, 2_000));
        var org = new Applicant(MemberKind.ORGANISATION, null, false, "BS1 4RW");
        assertThat(ApplicationRules.eligibility(orgsOnly, AREA, LOCAL_ADULT, TODAY).byField()).containsKey("kind");
        assertThat(ApplicationRules.eligibility(orgsOnly, AREA, org, TODAY).isEmpty()).isTrue();
        assertThat(ApplicationRules.eligibility(peopleOnly, AREA, org, TODAY).byField()).containsKey("kind");
        assertThat(ApplicationRules.eligibility(peopleOnly, AREA, LOCAL_ADULT, TODAY).isEmpty()).isTrue();
    }

    @Test
    void localOnlyOffersTakeTheAreaOfBenefitsDistrictsAndSectors() {
        var localOnly = open(terms(Locality.LOCAL_ONLY, null, true, true, 2_000));
        var sectorIn = new Applicant(MemberKind.INDIVIDUAL, LocalDate.of(1980, 1, 1), false, "BS3 4AA");
        var sectorOut = new Applicant(MemberKind.INDIVIDUAL, LocalDate.of(1980, 1, 1), false, "BS3 5AA");
        var elsewhere = new Applicant(MemberKind.INDIVIDUAL, LocalDate.of(1980, 1, 1), false, "HX7 8AA");
        assertThat(ApplicationRules.eligibility(localOnly, AREA, LOCAL_ADULT, TODAY).isEmpty()).isTrue();
        assertThat(ApplicationRules.eligibility(localOnly, AREA, sectorIn, TODAY).isEmpty()).isTrue();
        assertThat(ApplicationRules.eligibility(localOnly, AREA, sectorOut, TODAY).byField()).containsKey("postcode");
        assertThat(ApplicationRules.eligibility(localOnly, AREA, elsewhere, TODAY).byField()).containsKey("postcode");
        // local priority lets everyone apply, and records who is local for the scale-back
        var priority = open(terms(Locality.LOCAL_PRIORITY, null, true, true, 2_000));
        assertThat(ApplicationRules.decide(priority, GB, AREA, elsewhere, Money.ofPounds(100), Position.NONE, TODAY).local()).isFalse();
        assertThat(ApplicationRules.decide(priority, GB, AREA, sectorIn, Money.ofPounds(100), Position.NONE, TODAY).local()).isTrue();
    }

    @Test
    void applicationsOutsideTheWindowAreRefused() {
        var offer = standard();
        assertThat(offer.acceptsApplicationsOn(OPENS)).isTrue();
        assertThat(offer.acceptsApplicationsOn(CLOSES)).isTrue();
        assertThatThrownBy(() -> ApplicationRules.requireOpen(offer, OPENS.minusDays(1)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("opens for applications on 1 November 2026");
        assertThatThrownBy(() -> ApplicationRules.requireOpen(offer, CLOSES.plusDays(1)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("closed on 31 January 2027");
        var draft = ShareOffer.draft(1, terms(Locality.ANYONE, null, true, true, 2_000), LocalDateTime.now());
        assertThatThrownBy(() -> ApplicationRules.requireOpen(draft, TODAY)).isInstanceOf(InvalidInputException.class);
        offer.close();
        assertThatThrownBy(() -> ApplicationRules.decide(offer, GB, AREA, LOCAL_ADULT, Money.ofPounds(500), Position.NONE, TODAY))
                .isInstanceOf(InvalidInputException.class);
    }
}
