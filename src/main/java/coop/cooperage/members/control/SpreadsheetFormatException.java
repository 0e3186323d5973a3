package coop.cooperage.members.control;

/**
 * An uploaded file that cannot be read as a table at all: not CSV or XLSX, damaged, too big, or
 * in an encoding we cannot tell. Problems with the values in a readable table are not this: they
 * go in an {@link ImportReport}, all of them at once. The message is written for the person who
 * uploaded the file and says what to do.
 */
public class SpreadsheetFormatException extends RuntimeException {

    public SpreadsheetFormatException(String message) {
        super(message);
    }

    public SpreadsheetFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
