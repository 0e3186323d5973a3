package coop.cooperage.society.control;

import java.time.LocalDate;

/**
 * Fired (synchronously, in the same transaction) when an entry of the register of officers ends,
 * so that other components can react without the register knowing them: the board settles written
 * resolutions that were waiting for a director who has now left office.
 */
public record OfficerEnded(long societyId, long appointmentId, LocalDate endedOn) {
}
