package coop.cooperage.members.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Builds .xlsx files in memory, as Excel would save them, for the tests. */
final class TestWorkbooks {

    private TestWorkbooks() {
    }

    static byte[] workbook(Consumer<XSSFWorkbook> build) {
        try (var wb = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            build.accept(wb);
            // Excel saves the value of every formula with it; the reader uses those values
            XSSFFormulaEvaluator.evaluateAllFormulaCells(wb);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CellStyle dateStyle(XSSFWorkbook wb, String format) {
        CellStyle style = wb.createCellStyle();
        style.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat(format));
        return style;
    }

    /**
     * A sheet from rows of Java values: a String is a text cell, a Number a number cell, a
     * LocalDate a date cell shown dd/mm/yyyy, a String starting "=" a formula, null no cell.
     */
    static byte[] sheet(List<List<Object>> rows) {
        return workbook(wb -> {
            var sheet = wb.createSheet("Members");
            CellStyle date = dateStyle(wb, "dd/mm/yyyy");
            for (int r = 0; r < rows.size(); r++) {
                List<Object> values = rows.get(r);
                if (values == null) {
                    continue;
                }
                var row = sheet.createRow(r);
                for (int c = 0; c < values.size(); c++) {
                    Object v = values.get(c);
                    if (v == null) {
                        continue;
                    }
                    var cell = row.createCell(c);
                    if (v instanceof String s && s.startsWith("=")) {
                        cell.setCellFormula(s.substring(1));
                    } else if (v instanceof String s) {
                        cell.setCellValue(s);
                    } else if (v instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else if (v instanceof LocalDate d) {
                        cell.setCellValue(d);
                        cell.setCellStyle(date);
                    } else if (v instanceof Boolean b) {
                        cell.setCellValue(b);
                    } else {
                        throw new IllegalArgumentException("No cell for " + v);
                    }
                }
            }
        });
    }
}
