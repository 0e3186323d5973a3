package coop.cooperage.meetings.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.cooperage.society.entity.RuleChangeMajority;
import coop.cooperage.society.entity.SocietyRules;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProxyBookTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final ZonedDateTime MEETING = ZonedDateTime.of(2026, 6, 20, 14, 0, 0, 0, LONDON);
    static final ZonedDateTime EARLY = MEETING.minusDays(10);

    static SocietyRules rules(boolean allowed, int maxPerHolder, int deadlineHours) {
        return new SocietyRules(100, 50, 100_000, 100_000_00, 16, 91, new BigDecimal("10.00"), 14,
                20, new BigDecimal("10.00"), true, RuleChangeMajority.TWO_THIRDS, allowed, maxPerHolder, deadlineHours, 10);
    }

    final ProxyBook book = new ProxyBook(rules(true, 2, 48), MEETING);

    @Test
    void aMemberAppointsTheChairWithADirectionPerItemAndDiscretionElsewhere() {
        ProxyAppointment p = book.appoint(7, ProxyHolder.chair(), Map.of("1", VoteChoice.AGAINST), EARLY);
        assertThat(book.appointmentOf(7)).contains(p);
        assertThat(p.directionOn("1")).contains(VoteChoice.AGAINST);
        assertThat(p.directionOn("2")).isEmpty();
        assertThat(book.heldBy(ProxyHolder.chair())).containsExactly(p);
    }

    @Test
    void theDeadlineIsTheRulesHoursBeforeTheStartInLondonTime() {
        assertThat(book.deadline()).isEqualTo(ZonedDateTime.of(2026, 6, 18, 14, 0, 0, 0, LONDON));
        ZonedDateTime inUtc = MEETING.withZoneSameInstant(ZoneId.of("UTC"));
        assertThat(new ProxyBook(rules(true, 2, 48), inUtc).deadline().getZone()).isEqualTo(LONDON);
    }

    @Test
    void theDeadlineCountsElapsedHoursAcrossTheClockChange() {
        // clocks go forward at 01:00 on 29 March 2026: 48 elapsed hours before 12:00 on the 30th is 11:00 on the 28th
        ZonedDateTime meeting = ZonedDateTime.of(2026, 3, 30, 12, 0, 0, 0, LONDON);
        assertThat(new ProxyBook(rules(true, 2, 48), meeting).deadline())
                .isEqualTo(ZonedDateTime.of(2026, 3, 28, 11, 0, 0, 0, LONDON));
    }

    @Test
    void anAppointmentAtTheDeadlineIsInTimeAndOneAfterItIsNot() {
        book.appoint(7, ProxyHolder.member(8), Map.of(), book.deadline());
        assertThatThrownBy(() -> book.appoint(9, ProxyHolder.member(8), Map.of(), book.deadline().plusSeconds(1)))
                .isInstanceOf(ProxyRefusedException.class).hasMessageContaining("deadline");
    }

    @Test
    void revocationBeforeTheDeadlineRemovesTheProxy() {
        book.appoint(7, ProxyHolder.member(8), Map.of(), EARLY);
        book.revoke(7, book.deadline());
        assertThat(book.appointmentOf(7)).isEmpty();
        assertThat(book.heldBy(ProxyHolder.member(8))).isEmpty();
    }

    @Test
    void revocationAfterTheDeadlineIsRefusedAndTheProxyStands() {
        book.appoint(7, ProxyHolder.member(8), Map.of(), EARLY);
        assertThatThrownBy(() -> book.revoke(7, book.deadline().plusMinutes(1)))
                .isInstanceOf(ProxyRefusedException.class).hasMessageContaining("vote in person");
        assertThat(book.appointmentOf(7)).isPresent();
    }

    @Test
    void revokingWhenNothingIsAppointedIsRefused() {
        assertThatThrownBy(() -> book.revoke(7, EARLY)).isInstanceOf(ProxyRefusedException.class);
    }

    @Test
    void noOneMayHoldMoreThanTheRulesAllow() {
        book.appoint(1, ProxyHolder.member(8), Map.of(), EARLY);
        book.appoint(2, ProxyHolder.member(8), Map.of(), EARLY);
        assertThatThrownBy(() -> book.appoint(3, ProxyHolder.member(8), Map.of(), EARLY))
                .isInstanceOf(ProxyRefusedException.class).hasMessageContaining("already holds 2");
        assertThat(book.heldBy(ProxyHolder.member(8))).hasSize(2);
    }

    @Test
    void theLimitAppliesToTheChairToo() {
        book.appoint(1, ProxyHolder.chair(), Map.of(), EARLY);
        book.appoint(2, ProxyHolder.chair(), Map.of(), EARLY);
        assertThatThrownBy(() -> book.appoint(3, ProxyHolder.chair(), Map.of(), EARLY))
                .isInstanceOf(ProxyRefusedException.class);
    }

    @Test
    void aNewAppointmentReplacesTheEarlierAndFreesItsPlace() {
        book.appoint(1, ProxyHolder.member(8), Map.of(), EARLY);
        book.appoint(2, ProxyHolder.member(8), Map.of(), EARLY);
        // re-appointing the same holder with new directions is not a third proxy
        book.appoint(2, ProxyHolder.member(8), Map.of("1", VoteChoice.FOR), EARLY.plusHours(1));
        book.appoint(1, ProxyHolder.chair(), Map.of(), EARLY.plusHours(2));
        assertThat(book.heldBy(ProxyHolder.member(8))).extracting(ProxyAppointment::appointer).containsExactly(2L);
        book.appoint(3, ProxyHolder.member(8), Map.of(), EARLY.plusHours(3));
        assertThat(book.heldBy(ProxyHolder.member(8))).hasSize(2);
    }

    @Test
    void aMemberCannotBeTheirOwnProxy() {
        assertThatThrownBy(() -> book.appoint(8, ProxyHolder.member(8), Map.of(), EARLY))
                .isInstanceOf(ProxyRefusedException.class);
    }

    @Test
    void noProxiesAtAllWhereTheRulesDoNotAllowThem() {
        ProxyBook none = new ProxyBook(rules(false, 5, 48), MEETING);
        assertThatThrownBy(() -> none.appoint(7, ProxyHolder.chair(), Map.of(), EARLY))
                .isInstanceOf(ProxyRefusedException.class).hasMessageContaining("do not allow proxies");
        assertThat(none.appointments()).isEmpty();
    }

    @Test
    void directionsCannotBeChangedFromOutside() {
        var directions = new java.util.HashMap<String, VoteChoice>();
        directions.put("1", VoteChoice.FOR);
        ProxyAppointment p = book.appoint(7, ProxyHolder.chair(), directions, EARLY);
        directions.put("1", VoteChoice.AGAINST);
        assertThat(p.directionOn("1")).contains(VoteChoice.FOR);
    }

    @Test
    void presentByProxyCountsAbsentMembersWhoseHolderIsThere() {
        book.appoint(1, ProxyHolder.chair(), Map.of(), EARLY);
        book.appoint(2, ProxyHolder.member(8), Map.of(), EARLY);
        book.appoint(3, ProxyHolder.member(9), Map.of(), EARLY);
        book.appoint(4, ProxyHolder.member(8), Map.of(), EARLY);
        // 4 came in person, so is not also present by proxy; 9 stayed away, so 3 is not represented
        assertThat(book.presentByProxy(java.util.Set.of(4L, 8L), true)).isEqualTo(2);
        assertThat(book.presentByProxy(java.util.Set.of(4L, 8L), false)).isEqualTo(1);
    }

    @Test
    void atTheMeetingOnlyTheProxiesOfHoldersWhoAreThereAreExercised() {
        book.appoint(7, ProxyHolder.member(8), Map.of("1", VoteChoice.FOR), EARLY);
        book.appoint(9, ProxyHolder.chair(), Map.of("1", VoteChoice.AGAINST), EARLY);
        book.appoint(10, ProxyHolder.member(11), Map.of(), EARLY);
        // member 8 checked in, member 11 stayed away; the chair is there once the meeting is open
        var exercised = book.exercisedAt(java.util.Set.of(8L, 7L), true);
        assertThat(exercised.appointments()).extracting(ProxyAppointment::appointer).containsExactly(7L, 9L);
        assertThat(book.exercisedAt(java.util.Set.of(), false).appointments()).isEmpty();
        // the book itself is untouched, and the filtered one keeps the rules (no more lodging after the deadline)
        assertThat(book.appointments()).hasSize(3);
        assertThatThrownBy(() -> exercised.appoint(12, ProxyHolder.chair(), Map.of(), book.deadline().plusSeconds(1)))
                .isInstanceOf(ProxyRefusedException.class);
    }
}
