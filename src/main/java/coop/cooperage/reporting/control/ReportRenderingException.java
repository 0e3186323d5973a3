package coop.cooperage.reporting.control;

/**
 * A report exists but could not be loaded, filled or exported: a bug in the report or in what was passed to it (a
 * parameter of the wrong type, an expression that throws), or a failing disk while swapping a large report.
 */
public class ReportRenderingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ReportRenderingException(String message, Throwable cause) {
        super(message, cause);
    }
}
