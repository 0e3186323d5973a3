package coop.cooperage.members.control;

import coop.cooperage.members.entity.ShareLine;
import java.util.List;

/**
 * Fired (synchronously) by {@link Holdings} for a member's share ledger entries, oldest first, which
 * the member page and the subject-access export show. The share ledger observes it and answers.
 */
public final class ShareStatementAsked {

    private final long societyId;
    private final long memberId;
    private List<ShareLine> answer;

    ShareStatementAsked(long societyId, long memberId) {
        this.societyId = societyId;
        this.memberId = memberId;
    }

    public long societyId() {
        return societyId;
    }

    public long memberId() {
        return memberId;
    }

    public void answer(List<ShareLine> lines) {
        if (answer != null) {
            throw new IllegalStateException("The share statement was answered twice");
        }
        answer = List.copyOf(lines);
    }

    List<ShareLine> answer() {
        if (answer == null) {
            throw new IllegalStateException("Nothing answered for the share statement: the share ledger's observer is missing");
        }
        return answer;
    }
}
