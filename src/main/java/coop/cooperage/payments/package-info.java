/**
 * Payments: money in and out of a society's bank account.
 *
 * <p>Owns bank statement import (parsing the formats UK banks export, fingerprinting lines so a
 * statement imported twice never counts twice), matching received credits against the payments
 * the society expects (share applications, top-ups), and payment runs out (Bacs Standard 18 direct
 * credit files and plain CSV files for bank bulk-payment upload). The
 * {@link coop.cooperage.money.BankDetails} value object used wherever a member's or the
 * society's account is recorded lives in {@code money}, so that shares can check an offer's
 * pay-in account without depending on payments (which depends on shares).
 *
 * <p>Members' bank details and the society's Bacs originating account are stored here, sealed under
 * COOP_DATA_KEY ({@link coop.cooperage.payments.control.BankDetailsVault}) and shown masked. A
 * payment run takes due {@code shares.entity.Payout}s and, when marked paid, settles each through
 * {@code shares.control.PayoutSettlement}: payments depends on shares, never the reverse.
 *
 * <p>It does not own what a payment is <em>for</em>: shares, distributions and withdrawals tell this
 * component what to expect or what to pay, and act on the matches it proposes.
 */
package coop.cooperage.payments;
