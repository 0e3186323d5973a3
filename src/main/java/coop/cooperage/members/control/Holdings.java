package coop.cooperage.members.control;

import coop.cooperage.members.entity.ShareLine;
import coop.cooperage.members.entity.SharesHeld;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Members' holdings as the register shows them. The share ledger belongs to shares, which depends
 * on members (allotment admits members, withdrawing everything ends a membership); so that members
 * does not depend on shares in return, the register asks through CDI events that the ledger
 * observes and answers synchronously, in the caller's transaction. No answer is an error, never an
 * empty holding.
 */
@ApplicationScoped
public class Holdings {

    @Inject
    Event<HoldingsAsked> holdingsAsked;

    @Inject
    Event<ShareStatementAsked> statementAsked;

    /** What each member held on the date (the sum of their entries dated on or before it); absent means nothing. */
    public Map<Long, SharesHeld> of(long societyId, List<Long> memberIds, LocalDate asAt) {
        if (memberIds.isEmpty()) {
            return Map.of();
        }
        var asked = new HoldingsAsked(societyId, memberIds, asAt);
        holdingsAsked.fire(asked);
        return asked.answer();
    }

    public SharesHeld of(long societyId, long memberId, LocalDate asAt) {
        return of(societyId, List.of(memberId), asAt).getOrDefault(memberId, SharesHeld.NONE);
    }

    /** Every ledger entry of the member, oldest first. */
    public List<ShareLine> statement(long societyId, long memberId) {
        var asked = new ShareStatementAsked(societyId, memberId);
        statementAsked.fire(asked);
        return asked.answer();
    }
}
