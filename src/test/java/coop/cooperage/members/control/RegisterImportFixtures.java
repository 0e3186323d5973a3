package coop.cooperage.members.control;

import coop.cooperage.money.Money;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

/** The files and rules the import tests share. */
final class RegisterImportFixtures {

    static final LocalDate TODAY = LocalDate.of(2025, 6, 30);

    static final ExistingMembers EXISTING = ExistingMembers.of(List.of(
            new ExistingMembers.Member(900L, "Existing Member", "BS1 4RW", "existing@example.org"),
            new ExistingMembers.Member(null, "Pat Applicant", "gl5 1zz", null)));

    /** £1 shares, 50 to 100,000 of them, the £100,000 statutory cap, minimum age 16. */
    static final ImportRules RULES = new ImportRules(Money.ofPounds(1), 50, 100_000, Money.ofPounds(100_000), 16,
            TODAY, EXISTING);

    private RegisterImportFixtures() {
    }

    static byte[] resource(String name) {
        try (InputStream in = RegisterImportFixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("No test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
