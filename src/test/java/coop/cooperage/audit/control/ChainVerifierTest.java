package coop.cooperage.audit.control;

import static org.assertj.core.api.Assertions.assertThat;

import coop.cooperage.audit.entity.AuditEvent;
import coop.cooperage.audit.entity.AuditHash;
import java.lang.reflect.Field;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {

    private static List<AuditEvent> chain(int n) {
        var events = new ArrayList<AuditEvent>();
        String prev = AuditHash.GENESIS;
        for (int i = 1; i <= n; i++) {
            var e = new AuditEvent(7, i, LocalDateTime.of(2026, 1, 1, 12, 0).plusSeconds(i), "sam@riverside.example",
                    "society.rules-changed", "society", "7", "{\"minimumAge\":16}", "{\"minimumAge\":" + (16 + i) + "}", prev);
            events.add(e);
            prev = e.hash();
        }
        return events;
    }

    private static ChainVerificationResult verify(List<AuditEvent> events) {
        var v = new ChainVerifier();
        for (AuditEvent e : events) {
            if (!v.accept(e)) {
                break;
            }
        }
        AuditEvent last = events.get(events.size() - 1);
        return new ChainVerificationResult(v.finish(5, chain(5).get(4).hash()), last);
    }

    record ChainVerificationResult(coop.cooperage.audit.entity.ChainVerification verification, AuditEvent last) {
    }

    @Test
    void anUntouchedChainIsIntact() {
        var result = verify(chain(5));
        assertThat(result.verification().intact()).isTrue();
        assertThat(result.verification().eventsChecked()).isEqualTo(5);
    }

    @Test
    void anEditedEventIsFound() throws Exception {
        var events = chain(5);
        set(events.get(2), "afterJson", "{\"minimumAge\":99}");
        var result = verify(events).verification();
        assertThat(result.intact()).isFalse();
        assertThat(result.brokenAtSeq()).isEqualTo(3);
        assertThat(result.problem()).contains("changed");
    }

    @Test
    void anEditedEventWithARecomputedHashBreaksTheNextLink() throws Exception {
        var events = chain(5);
        set(events.get(2), "actor", "someone-else");
        set(events.get(2), "hash", AuditHash.of(events.get(2)));
        var result = verify(events).verification();
        assertThat(result.brokenAtSeq()).isEqualTo(4);
    }

    @Test
    void aDeletedEventIsFound() {
        var events = chain(5);
        events.remove(1);
        assertThat(verify(events).verification().brokenAtSeq()).isEqualTo(2);
    }

    @Test
    void aTruncatedTailIsFoundThroughTheHead() {
        var events = chain(5).subList(0, 4);
        var result = verify(events).verification();
        assertThat(result.intact()).isFalse();
        assertThat(result.problem()).contains("missing");
    }

    @Test
    void movingTextBetweenFieldsChangesTheHash() {
        var a = new AuditEvent(1, 1, LocalDateTime.of(2026, 1, 1, 0, 0), "ab", "c", "t", "1", null, null, AuditHash.GENESIS);
        var b = new AuditEvent(1, 1, LocalDateTime.of(2026, 1, 1, 0, 0), "a", "bc", "t", "1", null, null, AuditHash.GENESIS);
        assertThat(a.hash()).isNotEqualTo(b.hash());
    }

    private static void set(AuditEvent e, String field, Object value) throws Exception {
        Field f = AuditEvent.class.getDeclaredField(field);
        f.setAccessible(true);
        f.set(e, value);
    }
}
