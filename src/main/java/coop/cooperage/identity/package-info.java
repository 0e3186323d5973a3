/**
 * People and their access: accounts, passwords, sign-in with lockout, password resets,
 * invitations, roles per society, API tokens, and the caller of the current request.
 */
package coop.cooperage.identity;
