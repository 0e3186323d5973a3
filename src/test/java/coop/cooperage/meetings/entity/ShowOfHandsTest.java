package coop.cooperage.meetings.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShowOfHandsTest {

    /** Members 1, 2 and 3 are checked in; 4 and 5 gave proxies to 1, 6 to the absent 9, 2 to 3 (yet came), 7 to the chair. */
    private static ProxyBook book() {
        var book = new ProxyBook(ProxyBookTest.rules(true, 5, 48), ProxyBookTest.MEETING);
        book.appoint(4, ProxyHolder.member(1), Map.of(), ProxyBookTest.EARLY);
        book.appoint(5, ProxyHolder.member(1), Map.of(), ProxyBookTest.EARLY);
        book.appoint(6, ProxyHolder.member(9), Map.of(), ProxyBookTest.EARLY);
        book.appoint(2, ProxyHolder.member(3), Map.of(), ProxyBookTest.EARLY);
        book.appoint(7, ProxyHolder.chair(), Map.of(), ProxyBookTest.EARLY);
        return book;
    }

    private static final Set<Long> PRESENT = Set.of(1L, 2L, 3L);

    @Test
    void handsCountThoseCheckedInAndTheProxiesHeldByThoseInTheRoom() {
        var room = ShowOfHands.in(ProxyBookTest.rules(true, 5, 48), PRESENT, book(), true);
        // 3 present; proxies of 4, 5 (held by 1) and 7 (the chair, there while the meeting is open);
        // not 6 (its holder stayed away) nor 2 (came in person and is counted once)
        assertThat(room.present()).isEqualTo(3);
        assertThat(room.proxiesHeld()).isEqualTo(3);
        assertThat(room.mostHands()).isEqualTo(6);
        assertThat(room.problemWith(new Tally(4, 1, 1))).isEmpty();
        assertThat(room.problemWith(new Tally(4, 2, 1))).hasValueSatisfying(why -> assertThat(why)
                .contains("7 hands").contains("3 members checked in").contains("3 proxies held by those present"));
    }

    @Test
    void withoutProxiesInTheRulesOnlyMembersCheckedInCount() {
        var room = ShowOfHands.in(ProxyBookTest.rules(false, 5, 48), PRESENT, book(), true);
        assertThat(room.mostHands()).isEqualTo(3);
        assertThat(room.problemWith(new Tally(2, 1, 0))).isEmpty();
        assertThat(room.problemWith(new Tally(2, 1, 1))).hasValueSatisfying(why -> assertThat(why)
                .contains("4 hands").contains("3 members checked in").doesNotContain("prox"));
    }

    @Test
    void anEmptyRoomTakesNoHands() {
        var room = ShowOfHands.in(ProxyBookTest.rules(true, 5, 48), Set.of(), new ProxyBook(ProxyBookTest.rules(true, 5, 48),
                ProxyBookTest.MEETING), true);
        assertThat(room.problemWith(Tally.NONE)).isEmpty();
        assertThat(room.problemWith(new Tally(0, 0, 1))).hasValueSatisfying(why -> assertThat(why)
                .contains("1 hand ").contains("no members checked in"));
    }

    @Test
    void theChairsProxiesCountOnlyWhileTheChairIsThere() {
        var room = ShowOfHands.in(ProxyBookTest.rules(true, 5, 48), PRESENT, book(), false);
        assertThat(room.proxiesHeld()).isEqualTo(2);
    }
}
