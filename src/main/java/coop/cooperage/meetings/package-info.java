/**
 * Meetings: general and board meetings, resolutions, elections, ballots and proxies.
 *
 * <p>This component owns how a society decides things: who may vote, what was voted on, and the
 * result. The counting engine for elections ({@link coop.cooperage.meetings.control.ScottishStv},
 * {@link coop.cooperage.meetings.control.MeekStv}, {@link coop.cooperage.meetings.control.Plurality})
 * is pure Java with no container or database, so that a count can be re-run anywhere from the
 * ballots alone and give the same result.
 *
 * <p>The rules of general meetings are pure Java in the same spirit: notice in clear days
 * ({@link coop.cooperage.meetings.control.Notice}), who may vote
 * ({@link coop.cooperage.meetings.entity.RecordDate}), quorum
 * ({@link coop.cooperage.meetings.entity.Quorum}), the majority each kind of resolution needs
 * ({@link coop.cooperage.meetings.control.Resolutions}, exact integer arithmetic), proxies
 * ({@link coop.cooperage.meetings.entity.ProxyBook}) and one member one vote across channels
 * ({@link coop.cooperage.meetings.entity.Poll}, {@link coop.cooperage.meetings.control.Count}).
 * They read the society's settings from {@code SocietyRules} and never change them.
 *
 * <p>Around those rules: {@link coop.cooperage.meetings.control.GeneralMeetings} (meetings, papers,
 * the agenda, the roll fixed by the record date), {@link coop.cooperage.meetings.control.MeetingVotes}
 * (open votes held one per member by a unique key, proxies, attendance, quorum, show of hands, polls
 * and declarations; secret resolutions go to {@link coop.cooperage.meetings.control.BallotBox}) and
 * {@link coop.cooperage.meetings.control.Minutes} (the draft minutes as PDF).
 */
package coop.cooperage.meetings;
