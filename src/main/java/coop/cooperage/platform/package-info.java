/**
 * Plumbing shared by every component: the JAX-RS application, problem+json mapping, HTML
 * page rendering, CSRF and security headers, database migrations, configuration, the clock
 * and the outbound mail outbox. It holds no business rules.
 */
package coop.cooperage.platform;
