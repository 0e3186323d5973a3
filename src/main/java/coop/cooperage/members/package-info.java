/**
 * The register of members (2014 Act s.30): applications and admission, member numbers, the
 * member lifecycle (applicant, member, ceased) with its history, the nominations book (s.37),
 * locality against the area of benefit, imports of existing registers, the statutory register
 * as PDF, CSV and XLSX, the member's own view and subject access, and retention.
 */
package coop.cooperage.members;
