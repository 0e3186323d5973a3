package coop.cooperage.meetings.control;

import static coop.cooperage.meetings.entity.DirectorChoice.ABSTAIN;
import static coop.cooperage.meetings.entity.DirectorChoice.AGAINST;
import static coop.cooperage.meetings.entity.DirectorChoice.FOR;
import static org.assertj.core.api.Assertions.assertThat;

import coop.cooperage.meetings.control.BoardCount.WrittenOutcome;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BoardCountTest {

    @Test
    void carriedWhenMoreForThanAgainstAmongDirectorsVoting() {
        var r = BoardCount.atMeeting(Set.of(1L, 2L, 3L, 4L), Set.of(), Map.of(1L, FOR, 2L, FOR, 3L, AGAINST, 4L, ABSTAIN), 3);
        assertThat(r.quorate()).isTrue();
        assertThat(r.carried()).isTrue();
        assertThat(r.summary()).isEqualTo("Carried: 2 for, 1 against, 1 abstaining");
    }

    @Test
    void aTieIsLost() {
        var r = BoardCount.atMeeting(Set.of(1L, 2L, 3L), Set.of(), Map.of(1L, FOR, 2L, AGAINST), 2);
        assertThat(r.carried()).isFalse();
        assertThat(r.summary()).startsWith("Lost");
    }

    @Test
    void conflictedDirectorsDoNotCountTowardsTheQuorumNorTheVotes() {
        // three present, quorum three: one conflicted leaves two, so not quorate
        var r = BoardCount.atMeeting(Set.of(1L, 2L, 3L), Set.of(3L), Map.of(1L, FOR, 2L, FOR, 3L, FOR), 3);
        assertThat(r.quorate()).isFalse();
        assertThat(r.carried()).isFalse();
        var quorate = BoardCount.atMeeting(Set.of(1L, 2L, 3L), Set.of(3L), Map.of(1L, AGAINST, 3L, FOR), 2);
        assertThat(quorate.quorate()).isTrue();
        assertThat(quorate.votesFor()).isZero();
        assertThat(quorate.carried()).isFalse();
    }

    @Test
    void votesOfDirectorsNotPresentAreNotCounted() {
        var r = BoardCount.atMeeting(Set.of(1L, 2L), Set.of(), Map.of(1L, AGAINST, 9L, FOR, 8L, FOR), 2);
        assertThat(r.votesFor()).isZero();
        assertThat(r.carried()).isFalse();
    }

    @Test
    void aConflictedOrAbsentDirectorIsRefusedWithTheReason() {
        assertThat(BoardCount.refusal(3L, "Cara", Set.of(1L, 2L, 3L), Set.of(3L), false))
                .isEqualTo("Cara declared a conflict of interest in this item and cannot vote on it");
        assertThat(BoardCount.refusal(4L, "Dev", Set.of(1L, 2L, 3L), Set.of(), false)).contains("not recorded as present");
        assertThat(BoardCount.refusal(4L, "Dev", Set.of(1L), Set.of(), true)).contains("not a director in office");
        assertThat(BoardCount.refusal(1L, "Ann", Set.of(1L, 2L), Set.of(3L), false)).isNull();
    }

    @Test
    void aWrittenResolutionPassesOnlyWhenEveryEligibleDirectorApproves() {
        Set<Long> board = Set.of(1L, 2L, 3L);
        assertThat(BoardCount.written(board, Set.of(), Map.of(1L, FOR, 2L, FOR), 2)).isEqualTo(WrittenOutcome.PENDING);
        assertThat(BoardCount.written(board, Set.of(), Map.of(1L, FOR, 2L, FOR, 3L, FOR), 2)).isEqualTo(WrittenOutcome.PASSED);
    }

    @Test
    void oneRefusalFailsAWrittenResolutionAtOnce() {
        assertThat(BoardCount.written(Set.of(1L, 2L, 3L), Set.of(), Map.of(1L, AGAINST), 2)).isEqualTo(WrittenOutcome.FAILED);
        assertThat(BoardCount.written(Set.of(1L, 2L, 3L), Set.of(), Map.of(1L, FOR, 2L, FOR, 3L, AGAINST), 2))
                .isEqualTo(WrittenOutcome.FAILED);
    }

    @Test
    void conflictedDirectorsAreLeftOutOfTheUnanimity() {
        assertThat(BoardCount.written(Set.of(1L, 2L, 3L), Set.of(3L), Map.of(1L, FOR, 2L, FOR), 2)).isEqualTo(WrittenOutcome.PASSED);
        // an abstention is not an approval
        assertThat(BoardCount.written(Set.of(1L, 2L), Set.of(), Map.of(1L, FOR, 2L, ABSTAIN), 2)).isEqualTo(WrittenOutcome.PENDING);
        // nobody left to approve: it cannot pass
        assertThat(BoardCount.written(Set.of(1L), Set.of(1L), Map.of(), 2)).isEqualTo(WrittenOutcome.FAILED);
    }

    @Test
    void aWrittenResolutionCannotPassWithFewerEligibleDirectorsThanTheQuorum() {
        // three directors, two conflicted: the one left approving must not pass it alone
        assertThat(BoardCount.written(Set.of(1L, 2L, 3L), Set.of(2L, 3L), Map.of(1L, FOR), 2)).isEqualTo(WrittenOutcome.FAILED);
        assertThat(BoardCount.written(Set.of(1L, 2L, 3L), Set.of(2L, 3L), Map.of(), 2)).isEqualTo(WrittenOutcome.FAILED);
        // with a quorum of one it may
        assertThat(BoardCount.written(Set.of(1L, 2L, 3L), Set.of(2L, 3L), Map.of(1L, FOR), 1)).isEqualTo(WrittenOutcome.PASSED);
    }

    @Test
    void aDirectorWhoLeftOfficeNoLongerHoldsUpAWrittenResolution() {
        // circulated to 1, 2, 3; 3 left office before approving: the two who remain decide it
        assertThat(BoardCount.written(Set.of(1L, 2L), Set.of(), Map.of(1L, FOR, 2L, FOR), 2)).isEqualTo(WrittenOutcome.PASSED);
        // 2 and 3 left: one director is no quorum, so it fails rather than waiting for ever
        assertThat(BoardCount.written(Set.of(1L), Set.of(), Map.of(1L, FOR), 2)).isEqualTo(WrittenOutcome.FAILED);
    }
}
