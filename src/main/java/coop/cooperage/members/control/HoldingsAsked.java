package coop.cooperage.members.control;

import coop.cooperage.members.entity.SharesHeld;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Fired (synchronously) by {@link Holdings} to learn what members held on a date. The share ledger
 * observes it and answers; the register shows the answer without depending on shares (shares
 * depends on members, and DESIGN.md allows no cycles).
 */
public final class HoldingsAsked {

    private final long societyId;
    private final List<Long> memberIds;
    private final LocalDate asAt;
    private Map<Long, SharesHeld> answer;

    HoldingsAsked(long societyId, List<Long> memberIds, LocalDate asAt) {
        this.societyId = societyId;
        this.memberIds = List.copyOf(memberIds);
        this.asAt = asAt;
    }

    public long societyId() {
        return societyId;
    }

    public List<Long> memberIds() {
        return memberIds;
    }

    public LocalDate asAt() {
        return asAt;
    }

    /** The holdings of the members asked about; a member with no entries may be left out (holds nothing). */
    public void answer(Map<Long, SharesHeld> holdings) {
        if (answer != null) {
            throw new IllegalStateException("Holdings were answered twice");
        }
        answer = Map.copyOf(holdings);
    }

    Map<Long, SharesHeld> answer() {
        if (answer == null) {
            throw new IllegalStateException("Nothing answered for holdings: the share ledger's observer is missing");
        }
        return answer;
    }
}
