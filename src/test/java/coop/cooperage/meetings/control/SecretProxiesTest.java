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
    void aDirectedElectionBallotIsCastAsDirectedAndTheHolderMayOnlyRepeatIt() {
        assertThat(SecretProxies.electionContent(Optional.of("3>1>2"), null, "Member 7")).isEqualTo("3>1>2");
        assertThat(SecretProxies.electionContent(Optional.of("3>1>2"), "3>1>2", "Member 7")).isEqualTo("3>1>2");
        assertThatThrownBy(() -> SecretProxies.electionContent(Optional.of("3>1>2"), "1>3>2", "Member 7"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Member 7 directed their proxy how to vote in this election")
                .hasMessageNotContaining("3>1>2");
    }

    @Test
    void anUndirectedElectionBallotIsTheHoldersAndMustBeMarked() {
        assertThat(SecretProxies.electionContent(Optional.empty(), "2", "Member 7")).isEqualTo("2");
        assertThatThrownBy(() -> SecretProxies.electionContent(Optional.empty(), null, "Member 7"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("left this election to your discretion");
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
        byte[] key = ProxyCodes.publicKey(code, r1);
        assertThat(key).hasSize(32);
        assertThat(ProxyCodes.publicKey(code.toLowerCase().replace("-", " "), r1)).isEqualTo(key);
        assertThat(ProxyCodes.publicKey(code, PollRef.resolution(2))).isNotEqualTo(key);
        assertThat(ProxyCodes.publicKey(code, PollRef.election(1))).isNotEqualTo(key);
        assertThat(ProxyCodes.publicKey(code, r1)).isNotEqualTo(ReceiptCodes.hash(code));
        assertThat(ProxyCodes.publicKey(ProxyCodes.newCode(), r1)).isNotEqualTo(key);
        assertThat(ProxyCodes.publicKey("too short", r1)).isNull();
        assertThat(ProxyCodes.publicKey(null, r1)).isNull();
    }

    @Test
    void onlyTheMembersCodeOpensTheLockOfTheirProxyBallotInThatPoll() {
        String code = ProxyCodes.newCode();
        var poll = PollRef.election(7);
        byte[] ballot = ReceiptCodes.ballotId();
        byte[] lock = ProxyCodes.lock(ProxyCodes.publicKey(code, poll), ballot);
        assertThat(lock).hasSize(ProxyCodes.LOCK_BYTES);
        assertThat(ProxyCodes.opens(code, poll, lock, ballot)).isTrue();
        assertThat(ProxyCodes.opens(code.toLowerCase(), poll, lock, ballot)).isTrue();
        // another member's code, the same code in another poll, or the lock on another ballot: closed
        assertThat(ProxyCodes.opens(ProxyCodes.newCode(), poll, lock, ballot)).isFalse();
        assertThat(ProxyCodes.opens(code, PollRef.election(8), lock, ballot)).isFalse();
        assertThat(ProxyCodes.opens(code, poll, lock, ReceiptCodes.ballotId())).isFalse();
        assertThat(ProxyCodes.opens("not a code", poll, lock, ballot)).isFalse();
        byte[] tampered = lock.clone();
        tampered[50] ^= 1;
        assertThat(ProxyCodes.opens(code, poll, tampered, ballot)).isFalse();
    }

    @Test
    void aLockKeepsNothingOfTheKeyItWasMadeFor() {
        String code = ProxyCodes.newCode();
        var poll = PollRef.resolution(3);
        byte[] key = ProxyCodes.publicKey(code, poll);
        byte[] ballot = ReceiptCodes.ballotId();
        byte[] first = ProxyCodes.lock(key, ballot);
        byte[] second = ProxyCodes.lock(key, ballot);
        // a fresh ephemeral key and nonce every time: two locks for one key and ballot share nothing
        assertThat(first).isNotEqualTo(second);
        assertThat(java.util.Arrays.copyOfRange(first, 0, 32)).isNotEqualTo(java.util.Arrays.copyOfRange(second, 0, 32));
        assertThat(java.util.Arrays.copyOfRange(first, 0, 32)).isNotEqualTo(key);
        assertThat(indexOf(first, key)).isEqualTo(-1);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
