package coop.cooperage.audit.entity;

/**
 * The result of walking a chain: intact, or the first sequence number where it breaks and why.
 */
public record ChainVerification(boolean intact, long eventsChecked, Long brokenAtSeq, String problem) {

    public static ChainVerification ok(long checked) {
        return new ChainVerification(true, checked, null, null);
    }

    public static ChainVerification broken(long checked, long seq, String problem) {
        return new ChainVerification(false, checked, seq, problem);
    }
}
