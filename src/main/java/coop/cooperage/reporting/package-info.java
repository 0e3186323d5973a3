/**
 * Reporting: the catalogue of printable reports, their rendering to PDF, and exports.
 *
 * <p>It owns the JasperReports pipeline: the report designs in {@code reports/<component>/<name>.jrxml}, compiled
 * during the build into {@code /reports/<component>/<name>.jasper} on the classpath, and
 * {@link coop.cooperage.reporting.control.ReportRenderer}, which fills a compiled report with rows and writes it as a
 * PDF with embedded fonts, in bounded memory when the report is long.
 *
 * <p>It does not own the data a report shows. The rows come from projections offered by the control classes of the
 * component that owns the data (the register of officers from {@code society}); reporting turns them into printable
 * strings and renders them. Reporting may depend on other components' control and entity classes, and none of them
 * depends on reporting, so there is no cycle. Rendering knows nothing of HTTP or of jobs: a boundary streams the PDF,
 * or a job writes it to storage for a long report.
 *
 * <p>How to add a report: {@code reports/README.md}.
 */
package coop.cooperage.reporting;
