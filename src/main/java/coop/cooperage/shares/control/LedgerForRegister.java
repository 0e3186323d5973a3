package coop.cooperage.shares.control;

import coop.cooperage.members.control.HoldingsAsked;
import coop.cooperage.members.control.MemberImported;
import coop.cooperage.members.control.ShareStatementAsked;
import coop.cooperage.members.entity.ShareLine;
import coop.cooperage.members.entity.SharesHeld;
import coop.cooperage.shares.entity.ShareEntryKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.HashMap;

/**
 * The share ledger's side of the register: members fires events when it imports a register or
 * shows holdings, and this answers them from the ledger, so that members never depends on shares.
 * The observers are synchronous ({@code @Observes} without a transaction phase): they run in the
 * caller's thread and transaction, so an import's opening balances commit or roll back with it.
 */
@ApplicationScoped
public class LedgerForRegister {

    @Inject
    ShareLedger ledger;

    /** An imported member's holding becomes an opening balance; one the ledger refuses fails the import. */
    void openingBalance(@Observes MemberImported imported) {
        if (imported.shares() > 0) {
            ledger.append(imported.societyId(), imported.memberId(), ShareEntryKind.OPENING_BALANCE, imported.shares(),
                    imported.amountPaid(), imported.on(), imported.reference());
        }
    }

    void holdings(@Observes HoldingsAsked asked) {
        var result = new HashMap<Long, SharesHeld>();
        ledger.holdings(asked.societyId(), asked.memberIds(), asked.asAt())
                .forEach((member, h) -> result.put(member, new SharesHeld(h.shares(), h.amountPaid())));
        asked.answer(result);
    }

    void statement(@Observes ShareStatementAsked asked) {
        asked.answer(ledger.statement(asked.societyId(), asked.memberId()).stream()
                .map(e -> new ShareLine(e.entryDate(), e.kind().name(), e.kind().label(), e.shares(), e.amountPence(), e.reference()))
                .toList());
    }
}
