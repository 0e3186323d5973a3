/**
 * The tamper-evident audit trail: every change records who, when, what, before and after, in
 * the same transaction as the change, hash-chained per society so that an edited or deleted
 * row shows when the chain is verified.
 */
package coop.cooperage.audit;
