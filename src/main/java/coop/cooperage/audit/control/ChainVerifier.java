package coop.cooperage.audit.control;

import coop.cooperage.audit.entity.AuditEvent;
import coop.cooperage.audit.entity.AuditHash;
import coop.cooperage.audit.entity.ChainVerification;

/**
 * Walks a chain in sequence order. Catches an edited row (its hash no longer matches), a
 * deleted row (a gap in the sequence or a broken link), and a truncated tail (the head
 * remembers the last sequence and hash).
 */
public final class ChainVerifier {

    private String expectedPrev = AuditHash.GENESIS;
    private long expectedSeq = 1;
    private long checked;
    private ChainVerification failure;

    /** Feeds the next event; returns false once the chain is known to be broken. */
    public boolean accept(AuditEvent e) {
        if (failure != null) {
            return false;
        }
        if (e.seq() != expectedSeq) {
            failure = ChainVerification.broken(checked, expectedSeq, "Event " + expectedSeq + " is missing");
        } else if (!e.prevHash().equals(expectedPrev)) {
            failure = ChainVerification.broken(checked, e.seq(), "Event " + e.seq() + " does not link to the event before it");
        } else if (!AuditHash.of(e).equals(e.hash())) {
            failure = ChainVerification.broken(checked, e.seq(), "Event " + e.seq() + " was changed after it was written");
        } else {
            checked++;
            expectedPrev = e.hash();
            expectedSeq++;
            return true;
        }
        return false;
    }

    public ChainVerification finish(long headSeq, String headHash) {
        if (failure != null) {
            return failure;
        }
        if (headSeq != expectedSeq - 1 || !headHash.equals(expectedPrev)) {
            return ChainVerification.broken(checked, expectedSeq, "Events after " + (expectedSeq - 1) + " are missing");
        }
        return ChainVerification.ok(checked);
    }
}
