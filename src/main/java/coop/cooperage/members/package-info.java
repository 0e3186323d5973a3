/**
 * The register of members (2014 Act s.30): applications and admission, member numbers, the
 * member lifecycle (applicant, member, ceased) with its history, the nominations book (s.37),
 * locality against the area of benefit, imports of existing registers, the statutory register
 * as PDF, CSV and XLSX, the member's own view and subject access, and retention.
 *
 * <p>Depends on no other business component's code in return for shares depending on it: the
 * holdings the register shows, and the opening balances an import brings, go through synchronous
 * CDI events ({@code HoldingsAsked}, {@code ShareStatementAsked}, {@code MemberImported}) that the
 * share ledger observes.
 */
package coop.cooperage.members;
