package coop.cooperage.reporting.control;

/**
 * No compiled report exists under the asked-for name: a programming or packaging error (the {@code .jrxml} is
 * missing from {@code reports/}, or the name is misspelt), never something a user can fix.
 */
public class ReportNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String reportPath;

    public ReportNotFoundException(String reportPath, String resource) {
        super("No compiled report \"" + reportPath + "\": expected " + resource
                + " on the classpath, compiled at build time from reports/" + reportPath + ".jrxml");
        this.reportPath = reportPath;
    }

    public String reportPath() {
        return reportPath;
    }
}
