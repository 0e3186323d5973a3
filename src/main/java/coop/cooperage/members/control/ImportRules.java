package coop.cooperage.members.control;

import coop.cooperage.money.Money;
import coop.cooperage.society.entity.SocietyRules;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The society's rules an imported register is checked against, and what it already holds.
 *
 * @param nominalShareValue    the value of one share
 * @param minimumHoldingShares a holding below it is a warning, not an error: minimums bind when shares are
 *                             bought, and a member who joined before the rule changed keeps a valid holding
 * @param maximumHoldingShares a holding above it is an error, except for a registered society
 * @param holdingCap           the most an individual may hold (the statutory cap, or the society's lower one);
 *                             an error above it, except for a registered society
 * @param minimumAge           0 for none; a member younger than this on the day they joined is an error
 * @param today                no date joined or of birth may be after it (from the injected clock, in Europe/London)
 * @param existingMembers      members already on the register, which no row may repeat
 */
public record ImportRules(Money nominalShareValue, long minimumHoldingShares, long maximumHoldingShares,
        Money holdingCap, int minimumAge, LocalDate today, ExistingMembers existingMembers) {

    public ImportRules {
        Objects.requireNonNull(nominalShareValue, "nominalShareValue");
        Objects.requireNonNull(holdingCap, "holdingCap");
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(existingMembers, "existingMembers");
        if (nominalShareValue.pence() <= 0) {
            throw new IllegalArgumentException("The nominal value of a share must be more than nothing");
        }
        if (minimumHoldingShares < 0 || maximumHoldingShares < minimumHoldingShares) {
            throw new IllegalArgumentException("Holding limits must satisfy 0 <= minimum <= maximum; got "
                    + minimumHoldingShares + " and " + maximumHoldingShares);
        }
        if (holdingCap.isNegative()) {
            throw new IllegalArgumentException("The holding cap cannot be negative");
        }
        if (minimumAge < 0 || minimumAge > 120) {
            throw new IllegalArgumentException("Minimum age must be between 0 and 120; got " + minimumAge);
        }
    }

    /** The society's own settings, with its holding cap as the cap. */
    public static ImportRules from(SocietyRules rules, LocalDate today, ExistingMembers existingMembers) {
        return new ImportRules(rules.nominalShareValue(), rules.minimumHoldingShares(), rules.maximumHoldingShares(),
                rules.statutoryCap(), rules.minimumAge(), today, existingMembers);
    }
}
