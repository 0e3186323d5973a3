package coop.cooperage.members.control;

/**
 * Asked for the members of an import whose check found errors. Nothing may be imported from such a
 * file, not even its good rows: a register half brought in is worse than one not brought in,
 * because the user cannot tell which half.
 */
public class ImportNotValidException extends RuntimeException {

    private final transient ImportReport report;

    public ImportNotValidException(ImportReport report) {
        super("The register cannot be imported: the check found " + report.errors().size()
                + (report.errors().size() == 1 ? " problem" : " problems") + ", so nothing was imported.");
        this.report = report;
    }

    public ImportReport report() {
        return report;
    }
}
