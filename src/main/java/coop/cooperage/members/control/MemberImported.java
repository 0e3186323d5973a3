package coop.cooperage.members.control;

import coop.cooperage.money.Money;
import java.time.LocalDate;

/**
 * Fired (synchronously, in the import's transaction) for every member a register import enters,
 * with the holding the file gave them, so that the share ledger can write the opening balance
 * without the register knowing the ledger. An observer that refuses the balance throws, and the
 * whole import rolls back: the import stays all or nothing.
 */
public record MemberImported(long societyId, long memberId, long shares, Money amountPaid, LocalDate on, String reference) {
}
