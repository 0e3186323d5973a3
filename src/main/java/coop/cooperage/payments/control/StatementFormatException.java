package coop.cooperage.payments.control;

/**
 * A statement file that cannot be read as the format the user chose. Names the line (the
 * physical line in the file, counting from 1) so that the user can open the file and see it.
 */
public class StatementFormatException extends RuntimeException {

    private final int lineNumber;

    public StatementFormatException(int lineNumber, String problem) {
        super(lineNumber > 0 ? "Line " + lineNumber + ": " + problem : problem);
        this.lineNumber = lineNumber;
    }

    /** Whole-file problems (empty file, wrong currency) are not on one line. */
    public StatementFormatException(String problem) {
        this(0, problem);
    }

    /** The 1-based line the problem is on, or 0 when it concerns the whole file. */
    public int lineNumber() {
        return lineNumber;
    }
}
