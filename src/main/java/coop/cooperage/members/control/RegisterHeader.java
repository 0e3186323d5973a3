package coop.cooperage.members.control;

import coop.cooperage.society.entity.Society;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What the printed register of members says about itself: whose register it is, as at which date, and when it was
 * produced.
 *
 * @param registrationNumber the society's FCA registration number ("31452R"); may be null
 * @param registeredOffice   the registered office as one line; may be null
 * @param brandColour        the society's colour as {@code #rrggbb}; null for the design's default
 * @param asAt               the date the register shows: who was a member then, and what they held
 * @param generatedAt        when it was produced, printed in UK time on every page
 */
public record RegisterHeader(String societyName, String registrationNumber, String registeredOffice,
        String brandColour, LocalDate asAt, Instant generatedAt) {

    public RegisterHeader {
        Objects.requireNonNull(societyName, "societyName");
        Objects.requireNonNull(asAt, "asAt");
        Objects.requireNonNull(generatedAt, "generatedAt");
    }

    /** The society's register as at {@code asAt}, generated now by {@code clock}. */
    public static RegisterHeader of(Society society, LocalDate asAt, Clock clock) {
        return new RegisterHeader(society.name(), society.fcaNumber(), society.registeredOffice(),
                society.brandColour(), asAt, clock.instant());
    }
}
