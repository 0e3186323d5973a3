/**
 * The tamper-evident audit trail: every change records who, when, what, before and after, in
 * the same transaction as the change, hash-chained per society so that an edited or deleted
 * row shows when the chain is verified.
 *
 * <p>Only control and entity: nearly every component records into the trail, so the pages and
 * API that show it live with the society ({@code society.boundary.AuditResource},
 * {@code society.boundary.web.AuditPages}), which keeps audit free of any other component and
 * free of cycles.
 */
package coop.cooperage.audit;
