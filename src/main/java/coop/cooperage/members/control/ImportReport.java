package coop.cooperage.members.control;

import coop.cooperage.members.entity.ImportedMember;
import coop.cooperage.money.Money;
import java.util.List;

/**
 * The result of checking a register for import: every problem in every row, and, only when none
 * of them is an error, the members to enter. The dry run shows {@link #problems()}; the import
 * takes {@link #members()}, which refuses when there is anything to fix, so that the rule "a
 * file with one bad row imports nothing" holds wherever the report is used.
 */
public final class ImportReport {

    private final int rowCount;
    private final List<ImportProblem> problems;
    private final List<ImportedMember> members;

    ImportReport(int rowCount, List<ImportProblem> problems, List<ImportedMember> members) {
        this.rowCount = rowCount;
        this.problems = List.copyOf(problems);
        this.members = isValidGiven(this.problems) ? List.copyOf(members) : List.of();
    }

    private static boolean isValidGiven(List<ImportProblem> problems) {
        return problems.stream().noneMatch(ImportProblem::isError);
    }

    /** True when nothing stops the import: there are no errors (there may be warnings). */
    public boolean isValid() {
        return isValidGiven(problems);
    }

    /** The rows below the headings that hold anything. */
    public int rowCount() {
        return rowCount;
    }

    /** Errors and warnings, file and mapping problems first, then by row and by column from left to right. */
    public List<ImportProblem> problems() {
        return problems;
    }

    public List<ImportProblem> errors() {
        return problems.stream().filter(ImportProblem::isError).toList();
    }

    public List<ImportProblem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }

    public List<ImportProblem> problemsOnRow(int row) {
        return problems.stream().filter(p -> p.row() == row).toList();
    }

    /**
     * The members to enter on the register, in file order, to be entered together in one
     * transaction.
     *
     * @throws ImportNotValidException if any problem is an error
     */
    public List<ImportedMember> members() {
        if (!isValid()) {
            throw new ImportNotValidException(this);
        }
        return members;
    }

    /** Shares in all the opening balances, for the user to compare with their own total before importing. */
    public long totalShares() {
        return members().stream().mapToLong(ImportedMember::shares).reduce(0L, Math::addExact);
    }

    public Money totalPaid() {
        return members().stream().map(ImportedMember::amountPaid).reduce(Money.ZERO, Money::plus);
    }

    @Override
    public String toString() {
        return "ImportReport[" + rowCount + " rows, " + errors().size() + " errors, " + warnings().size() + " warnings]";
    }
}
