package coop.cooperage.meetings.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.cooperage.meetings.control.BallotBox.PollRef;
import coop.cooperage.meetings.entity.VoteChoice;
import coop.cooperage.platform.control.InvalidInputException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretProxiesTest {

    @Test
    void aDirectedProxyBallotIsCastAsDirectedWithoutTheHolderChoosing() {
        assertThat(SecretProxies.resolutionChoice(Optional.of(VoteChoice.AGAINST), null, "Member 7")).isEqualTo(VoteChoice.AGAINST);
        assertThat(SecretProxies.resolutionChoice(Optional.of(VoteChoice.AGAINST), VoteChoice.AGAINST, "Member 7"))
                .isEqualTo(VoteChoice.AGAINST);
    }

    @Test
    void theHolderCannotCastADirectedProxyOtherwiseThanDirected() {
        assertThatThrownBy(() -> SecretProxies.resolutionChoice(Optional.of(VoteChoice.AGAINST), VoteChoice.FOR, "Member 7"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Member 7 directed their proxy to vote against");
    }

    @Test
    void atDiscretionTheHolderChoosesAndMustChoose() {
        assertThat(SecretProxies.resolutionChoice(Optional.empty(), VoteChoice.ABSTAIN, "Member 7")).isEqualTo(VoteChoice.ABSTAIN);
        assertThatThrownBy(() -> SecretProxies.resolutionChoice(Optional.empty(), null, "Member 7"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("left this resolution to your discretion");
    }

    @Test
    void onlyTheNamedHolderHoldsAProxyAndTheChairOnlyTheChairs() {
        var toMember = new MeetingVotes.Appointment(1, 7, 8L, java.time.LocalDateTime.now(), Map.of());
        var toChair = new MeetingVotes.Appointment(2, 9, null, java.time.LocalDateTime.now(), Map.of());
        assertThat(SecretProxies.holds(toMember, 8L)).isTrue();
        assertThat(SecretProxies.holds(toMember, 9L)).isFalse();
        assertThat(SecretProxies.holds(toMember, null)).isFalse();
        assertThat(SecretProxies.holds(toChair, null)).isTrue();
        assertThat(SecretProxies.holds(toChair, 9L)).isFalse();
    }

    @Test
    void oneProxyCodeGivesADifferentKeyInEachPollAndIsReadAsTyped() {
        String code = ProxyCodes.newCode();
        var r1 = PollRef.resolution(1);
        byte[] key = ProxyCodes.keyHash(code, r1);
        assertThat(key).hasSize(32);
        assertThat(ProxyCodes.keyHash(code.toLowerCase().replace("-", " "), r1)).isEqualTo(key);
        assertThat(ProxyCodes.keyHash(code, PollRef.resolution(2))).isNotEqualTo(key);
        assertThat(ProxyCodes.keyHash(code, PollRef.election(1))).isNotEqualTo(key);
        // never the plain change-code hash, so a proxy key cannot open a member's own ballot or the other way round
        assertThat(ProxyCodes.keyHash(code, r1)).isNotEqualTo(ReceiptCodes.hash(code));
        assertThat(ProxyCodes.keyHash(ProxyCodes.newCode(), r1)).isNotEqualTo(key);
        assertThat(ProxyCodes.keyHash("too short", r1)).isNull();
        assertThat(ProxyCodes.keyHash(null, r1)).isNull();
    }
}
