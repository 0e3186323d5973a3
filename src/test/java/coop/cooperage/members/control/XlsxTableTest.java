package coop.cooperage.members.control;

import static coop.cooperage.members.control.TestWorkbooks.dateStyle;
import static coop.cooperage.members.control.TestWorkbooks.sheet;
import static coop.cooperage.members.control.TestWorkbooks.workbook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;

class XlsxTableTest {

    @Test
    void readsCellsAsTheImportNeedsThemNotAsExcelShowsThem() {
        byte[] xlsx = workbook(wb -> {
            var sheet = wb.createSheet("Members");
            var head = sheet.createRow(0);
            String[] headings = {"Name", "Joined", "Born", "Shares", "Paid", "Half", "Big", "Society", "Formula text", "Fraction"};
            for (int i = 0; i < headings.length; i++) {
                head.createCell(i).setCellValue(headings[i]);
            }
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue("Zoë O'Brien");
            // Excel's built-in short date shows month first (m/d/yy); read as a date it cannot be misread
            var joined = row.createCell(1);
            joined.setCellValue(LocalDate.of(2015, 4, 1));
            joined.setCellStyle(dateStyle(wb, "m/d/yy"));
            var born = row.createCell(2);
            born.setCellValue(LocalDateTime.of(1980, 2, 14, 9, 30));
            born.setCellStyle(dateStyle(wb, "d mmmm yyyy hh:mm"));
            row.createCell(3).setCellValue(500.0);
            var paid = row.createCell(4);
            paid.setCellFormula("D2*1");
            paid.setCellStyle(dateStyle(wb, "\"£\"#,##0.00"));
            row.createCell(5).setCellValue(12.5);
            row.createCell(6).setCellValue(123456789012.0);
            row.createCell(7).setCellValue(true);
            row.createCell(8).setCellFormula("\"GL5 \"&\"1AA\"");
            row.createCell(9).setCellValue(0.1 + 0.2);
        });

        SpreadsheetTable table = SpreadsheetTable.read(xlsx);

        assertThat(table.source()).isEqualTo("sheet 'Members' of an Excel workbook");
        assertThat(table.rows()).hasSize(1);
        assertThat(table.rows().get(0).cells()).containsExactly("Zoë O'Brien", "2015-04-01", "1980-02-14 09:30:00",
                "500", "500", "12.5", "123456789012", "TRUE", "GL5 1AA", "0.3");
        assertThat(table.rows().get(0).number()).isEqualTo(2);
    }

    @Test
    void readsTheFirstSheetOnly() {
        byte[] xlsx = workbook(wb -> {
            wb.createSheet("Register").createRow(0).createCell(0).setCellValue("Name");
            wb.getSheet("Register").createRow(1).createCell(0).setCellValue("Ann");
            wb.createSheet("Notes").createRow(0).createCell(0).setCellValue("Nothing to see");
        });

        SpreadsheetTable table = SpreadsheetTable.read(xlsx);

        assertThat(table.headers()).containsExactly("Name");
        assertThat(table.rows()).extracting(r -> r.cell(0)).containsExactly("Ann");
    }

    @Test
    void keepsSpreadsheetRowNumbersAcrossGapsAndIgnoresEmptyRows() {
        byte[] xlsx = sheet(Arrays.asList(
                null,
                List.of("Name", "Postcode"),
                List.of("Ann", "GL5 1AA"),
                null,
                List.of("", " "),
                List.of("Ben", "GL5 1AB"),
                null,
                List.of("")));

        SpreadsheetTable table = SpreadsheetTable.read(xlsx);

        assertThat(table.headerRowNumber()).isEqualTo(2);
        assertThat(table.rows()).extracting(SpreadsheetTable.Row::number).containsExactly(3, 6);
    }

    @Test
    void flagsValuesRightOfTheLastHeadingWithoutPaddingToThem() {
        byte[] xlsx = workbook(wb -> {
            var sheet = wb.createSheet("Members");
            sheet.createRow(0).createCell(0).setCellValue("Name");
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue("Ann");
            row.createCell(16_383).setCellValue("note in column XFD");
        });

        SpreadsheetTable.Row row = SpreadsheetTable.read(xlsx).rows().get(0);

        assertThat(row.cells()).containsExactly("Ann");
        assertThat(row.strayColumn()).isEqualTo(16_383);
    }

    @Test
    void readsDatesInWorkbooksThatCountFrom1904() {
        byte[] xlsx = workbook(wb -> {
            wb.getCTWorkbook().getWorkbookPr().setDate1904(true);
            var sheet = wb.createSheet("Members");
            sheet.createRow(0).createCell(0).setCellValue("Joined");
            var cell = sheet.createRow(1).createCell(0);
            cell.setCellValue(LocalDate.of(2015, 4, 1));
            cell.setCellStyle(dateStyle(wb, "dd/mm/yyyy"));
        });

        assertThat(SpreadsheetTable.read(xlsx).rows().get(0).cell(0)).isEqualTo("2015-04-01");
    }

    @Test
    void refusesMoreThanTheRowLimit() throws IOException {
        byte[] xlsx;
        try (var wb = new SXSSFWorkbook(100); var out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("Members");
            sheet.createRow(0).createCell(0).setCellValue("Name");
            for (int r = 1; r <= SpreadsheetTable.MAX_ROWS + 1; r++) {
                sheet.createRow(r).createCell(0).setCellValue(r);
            }
            wb.write(out);
            wb.close();
            xlsx = out.toByteArray();
        }

        assertThatThrownBy(() -> SpreadsheetTable.read(xlsx))
                .isInstanceOf(SpreadsheetFormatException.class)
                .hasMessageContaining("more than 100,000 rows");
    }

    @Test
    void refusesAZipBombBeforeUnpackingIt() throws IOException {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 201; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        byte[] bomb = out.toByteArray();
        assertThat(bomb.length).isLessThan(1024 * 1024);

        assertThatThrownBy(() -> SpreadsheetTable.read(bomb))
                .isInstanceOf(SpreadsheetFormatException.class)
                .hasMessageContaining("unpacks to more than 200 MB");
    }

    @Test
    void refusesAZipThatIsNotAWorkbook() throws IOException {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("hello".getBytes());
            zip.closeEntry();
        }

        assertThatThrownBy(() -> SpreadsheetTable.read(out.toByteArray()))
                .isInstanceOf(SpreadsheetFormatException.class)
                .hasMessageContaining("could not be read as an Excel workbook");
    }

    @Test
    void refusesATruncatedWorkbook() {
        byte[] xlsx = sheet(List.of(List.of("Name"), List.of("Ann")));
        byte[] truncated = Arrays.copyOf(xlsx, xlsx.length / 2);

        assertThatThrownBy(() -> SpreadsheetTable.read(truncated))
                .isInstanceOf(SpreadsheetFormatException.class)
                .hasMessageContaining("could not be read as an Excel workbook");
    }

    @Test
    void printsNumbersPlainly() {
        assertThat(XlsxTable.PlainValues.plainNumber(12.0)).isEqualTo("12");
        assertThat(XlsxTable.PlainValues.plainNumber(-0.0)).isEqualTo("0");
        assertThat(XlsxTable.PlainValues.plainNumber(1234.56)).isEqualTo("1234.56");
        assertThat(XlsxTable.PlainValues.plainNumber(1e20)).isEqualTo("100000000000000000000");
        assertThat(XlsxTable.PlainValues.plainNumber(0.1 + 0.2)).isEqualTo("0.3");
    }
}
