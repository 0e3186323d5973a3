package coop.cooperage.meetings.control;

/**
 * A ballot file that cannot be read. The message always names the line, because the person
 * fixing the file is usually looking at it in a text editor, not at a stack trace.
 */
public class BltFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int line;

    public BltFormatException(int line, String problem) {
        super("line " + line + ": " + problem);
        this.line = line;
    }

    /** The 1-based line number of the problem (one past the last line when the file ended early). */
    public int line() {
        return line;
    }
}
