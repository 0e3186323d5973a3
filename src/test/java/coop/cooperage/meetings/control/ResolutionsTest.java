package coop.cooperage.meetings.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.cooperage.meetings.entity.ResolutionKind;
import coop.cooperage.meetings.entity.ResolutionResult;
import coop.cooperage.meetings.entity.Tally;
import coop.cooperage.society.entity.RuleChangeMajority;
import java.math.BigDecimal;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResolutionsTest {

    @Nested
    class Ordinary {
        @Test
        void oneMoreForThanAgainstPasses() {
            ResolutionResult r = Resolutions.ordinary(new Tally(51, 50, 0));
            assertThat(r.passed()).isTrue();
            assertThat(r.kind()).isEqualTo(ResolutionKind.ORDINARY);
            assertThat(r.percentFor()).isEqualByComparingTo("50.50");
            assertThat(r.reasonFailed()).isEmpty();
        }

        @Test
        void aTieFails() {
            ResolutionResult r = Resolutions.ordinary(new Tally(50, 50, 7));
            assertThat(r.passed()).isFalse();
            assertThat(r.reasonFailed()).hasValueSatisfying(m -> assertThat(m).contains("tie"));
        }

        @Test
        void abstentionsAreNotVotesCast() {
            ResolutionResult r = Resolutions.ordinary(new Tally(3, 2, 1000));
            assertThat(r.passed()).isTrue();
            assertThat(r.tally().votesCast()).isEqualTo(5);
            assertThat(r.percentFor()).isEqualByComparingTo("60.00");
        }

        @Test
        void noVotesCastFailsEvenWithAbstentions() {
            ResolutionResult r = Resolutions.ordinary(new Tally(0, 0, 12));
            assertThat(r.passed()).isFalse();
            assertThat(r.percentFor()).isEqualByComparingTo(BigDecimal.ZERO);
            assertThat(r.reasonFailed()).hasValueSatisfying(m -> assertThat(m).contains("No votes were cast"));
        }
    }

    @Nested
    class Special {
        @ParameterizedTest(name = "{0} for, {1} against under {2}: passed={3}")
        @CsvSource({
                "200, 100, TWO_THIRDS, true",
                "199, 101, TWO_THIRDS, false",
                "2, 1, TWO_THIRDS, true",
                "225, 75, THREE_QUARTERS, true",
                "224, 76, THREE_QUARTERS, false",
                "3, 1, THREE_QUARTERS, true",
                "0, 0, TWO_THIRDS, false"
        })
        void theSocietysRuleChangeMajorityAtItsExactBoundary(long f, long a, RuleChangeMajority m, boolean passed) {
            ResolutionResult r = Resolutions.special(new Tally(f, a, 5), m);
            assertThat(r.passed()).isEqualTo(passed);
            assertThat(r.threshold()).isEqualTo(m.label());
            assertThat(r.reasonFailed().isPresent()).isEqualTo(!passed);
        }

        @Test
        void theFailureSaysHowManyVotesForWereNeeded() {
            ResolutionResult r = Resolutions.special(new Tally(199, 101, 0), RuleChangeMajority.TWO_THIRDS);
            assertThat(r.percentFor()).isEqualByComparingTo("66.33");
            assertThat(r.reasonFailed()).hasValueSatisfying(m -> assertThat(m).contains("200 of 300"));
        }
    }

    @Nested
    class AmalgamationOrTransferS111 {
        @Test
        void twoThirdsOfThreeHundredIsTwoHundred() {
            assertThat(Resolutions.s111FirstMeeting(new Tally(200, 100, 0)).passed()).isTrue();
            assertThat(Resolutions.s111FirstMeeting(new Tally(199, 101, 0)).passed()).isFalse();
        }

        @Test
        void theConfirmationNeedsASimpleMajorityAtTheSecondMeeting() {
            ResolutionResult first = Resolutions.s111FirstMeeting(new Tally(200, 100, 0));
            ResolutionResult confirmed = Resolutions.s111Confirmation(first, new Tally(11, 10, 3));
            assertThat(confirmed.passed()).isTrue();
            assertThat(confirmed.kind()).isEqualTo(ResolutionKind.S111_CONFIRMATION);
            assertThat(Resolutions.s111Confirmation(first, new Tally(10, 10, 0)).passed()).isFalse();
            assertThat(Resolutions.s111Confirmation(first, new Tally(0, 0, 0)).passed()).isFalse();
        }

        @Test
        void nothingFailedOrOfAnotherKindCanBeConfirmed() {
            ResolutionResult failed = Resolutions.s111FirstMeeting(new Tally(199, 101, 0));
            assertThatThrownBy(() -> Resolutions.s111Confirmation(failed, new Tally(5, 0, 0)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("did not pass");
            ResolutionResult ordinary = Resolutions.ordinary(new Tally(5, 0, 0));
            assertThatThrownBy(() -> Resolutions.s111Confirmation(ordinary, new Tally(5, 0, 0)))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Nested
    class ConversionS113 {
        @Test
        void seventyFivePercentOfVotesCastAtItsBoundary() {
            assertThat(Resolutions.s113(new Tally(75, 25, 0), 200).passed()).isTrue();
            assertThat(Resolutions.s113(new Tally(74, 26, 0), 200).passed()).isFalse();
        }

        @Test
        void halfTheMembersEntitledMustTakePart() {
            // 100 of 200 entitled is exactly half: enough; 100 of 201 is not.
            assertThat(Resolutions.s113(new Tally(90, 10, 0), 200).passed()).isTrue();
            ResolutionResult low = Resolutions.s113(new Tally(90, 10, 0), 201);
            assertThat(low.passed()).isFalse();
            assertThat(low.reasonFailed()).hasValueSatisfying(m -> assertThat(m).contains("turnout", "101"));
        }

        @Test
        void abstainersCountTowardsTurnoutButNotTowardsVotesCast() {
            ResolutionResult r = Resolutions.s113(new Tally(3, 1, 96), 200);
            assertThat(r.passed()).isTrue();
            assertThat(r.tally().votesCast()).isEqualTo(4);
        }

        @Test
        void zeroCastFails() {
            assertThat(Resolutions.s113(new Tally(0, 0, 150), 200).passed()).isFalse();
        }

        @Test
        void moreVotersThanEntitledIsAProgrammingError() {
            assertThatThrownBy(() -> Resolutions.s113(new Tally(5, 0, 0), 4)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void negativeFiguresAreRefused() {
        assertThatThrownBy(() -> new Tally(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePercentageIsForDisplayOnlyAndRoundsHalfUp() {
        assertThat(Resolutions.ordinary(new Tally(2, 1, 0)).percentFor()).isEqualByComparingTo("66.67");
    }
}
