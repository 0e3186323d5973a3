/**
 * Community shares: the append-only share ledger (a holding is the sum of its entries), and
 * in later work share offers, applications, allotment, withdrawals, transfers and certificates.
 * It answers the register's questions about holdings and writes an imported register's opening
 * balances by observing members' events ({@code control.LedgerForRegister}).
 */
package coop.cooperage.shares;
