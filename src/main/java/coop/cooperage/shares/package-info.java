/**
 * Community shares: the append-only share ledger (a holding is the sum of its entries), and
 * in later work share offers, applications, allotment, withdrawals, transfers and certificates.
 */
package coop.cooperage.shares;
