/**
 * Meetings: general and board meetings, resolutions, elections, ballots and proxies.
 *
 * <p>This component owns how a society decides things: who may vote, what was voted on, and the
 * result. The counting engine for elections ({@link coop.cooperage.meetings.control.ScottishStv},
 * {@link coop.cooperage.meetings.control.MeekStv}, {@link coop.cooperage.meetings.control.Plurality})
 * is pure Java with no container or database, so that a count can be re-run anywhere from the
 * ballots alone and give the same result.
 */
package coop.cooperage.meetings;
