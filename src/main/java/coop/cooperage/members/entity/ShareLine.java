package coop.cooperage.members.entity;

import java.time.LocalDate;

/**
 * One entry of a member's share ledger as the member pages and the subject-access export show it:
 * {@code kind} is the ledger's entry kind by name (OPENING_BALANCE, ALLOTMENT...), {@code kindLabel}
 * its words for people.
 */
public record ShareLine(LocalDate entryDate, String kind, String kindLabel, long shares, long amountPence, String reference) {
}
