package coop.cooperage.reporting.control;

import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRField;

/**
 * Rows for a report pulled from an iterator as the fill asks for them, rather than from a collection held whole: the
 * source can be a database cursor read in batches, and a row is garbage once its band is filled. It can be read only
 * once (JasperReports does not rewind the main data source).
 */
final class IteratorDataSource implements JRDataSource {

    private final Iterator<? extends Map<String, ?>> rows;
    private Map<String, ?> current;

    IteratorDataSource(Iterator<? extends Map<String, ?>> rows) {
        this.rows = Objects.requireNonNull(rows, "rows");
    }

    @Override
    public boolean next() {
        if (!rows.hasNext()) {
            current = null;
            return false;
        }
        current = Objects.requireNonNull(rows.next(), "a report row is null");
        return true;
    }

    /** A field the row has no key for is null, as with JasperReports' own map data sources. */
    @Override
    public Object getFieldValue(JRField field) {
        if (current == null) {
            throw new IllegalStateException("getFieldValue called before next() or after the last row");
        }
        return current.get(field.getName());
    }
}
