package coop.cooperage.members.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTableTest {

    static final String TEXT = "Name,Address,Postcode,Amount\r\n"
            + "Zoë O'Brien,\"Flat 2, 12 High Street\r\nStroud\",GL5 1AA,£250\r\n"
            + "\"Jim \"\"Sunny\"\" Jones\",3 Mill Lane,GL5 1AB,£1,000\r\n";

    static SpreadsheetTable csv(String text, Charset charset) {
        return SpreadsheetTable.read(text.getBytes(charset));
    }

    @Test
    void readsQuotedFieldsWithCommasLineBreaksAndDoubledQuotes() {
        SpreadsheetTable table = csv(TEXT, StandardCharsets.UTF_8);

        assertThat(table.headers()).containsExactly("Name", "Address", "Postcode", "Amount");
        assertThat(table.headerRowNumber()).isEqualTo(1);
        assertThat(table.rows()).hasSize(2);
        assertThat(table.rows().get(0).cells()).containsExactly("Zoë O'Brien", "Flat 2, 12 High Street\r\nStroud", "GL5 1AA", "£250");
        // a line break inside quotes does not start a row: the next member is on row 3, as in Excel
        assertThat(table.rows().get(1).number()).isEqualTo(3);
        assertThat(table.rows().get(1).cell(0)).isEqualTo("Jim \"Sunny\" Jones");
        // an unquoted "£1,000" becomes two cells; the second has no heading, so the row is flagged
        assertThat(table.rows().get(1).cell(3)).isEqualTo("£1");
        assertThat(table.rows().get(1).strayColumn()).isEqualTo(4);
        assertThat(table.rows().get(0).hasStrayValues()).isFalse();
        assertThat(table.source()).isEqualTo("CSV file (UTF-8)");
    }

    @Test
    void readsTheSameTableFromUtf8WithAndWithoutBomFromWindows1252AndFromUtf16() {
        SpreadsheetTable plain = csv(TEXT, StandardCharsets.UTF_8);
        byte[] utf8 = TEXT.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[utf8.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, withBom, 3, utf8.length);

        SpreadsheetTable bom = SpreadsheetTable.read(withBom);
        SpreadsheetTable windows = csv(TEXT, Charset.forName("windows-1252"));
        SpreadsheetTable utf16 = csv("\uFEFF" + TEXT, StandardCharsets.UTF_16LE);

        for (SpreadsheetTable other : List.of(bom, windows, utf16)) {
            assertThat(other.headers()).isEqualTo(plain.headers());
            assertThat(other.rows()).isEqualTo(plain.rows());
        }
        // the byte order mark is not part of the first heading
        assertThat(bom.headers().get(0)).isEqualTo("Name");
        assertThat(windows.source()).isEqualTo("CSV file (Windows-1252)");
        assertThat(windows.rows().get(0).cell(0)).isEqualTo("Zoë O'Brien");
        assertThat(windows.rows().get(0).cell(3)).isEqualTo("£250");
        assertThat(utf16.source()).isEqualTo("CSV file (UTF-16)");
    }

    @Test
    void refusesAFileThatClaimsUtf8ButIsNot() {
        // a UTF-8 byte order mark, then "Zoë" in Windows-1252
        byte[] content = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'N', 'a', 'm', 'e', '\n', 'Z', 'o', (byte) 0xEB, '\n'};
        assertThatThrownBy(() -> SpreadsheetTable.read(content))
                .isInstanceOf(SpreadsheetFormatException.class)
                .hasMessageContaining("saying it is UTF-8");
    }

    @Test
    void refusesTextThatIsNeitherUtf8NorWindows1252() {
        // 0x81 is not a character in Windows-1252, and alone it is not UTF-8
        byte[] content = {'N', 'a', 'm', 'e', '\n', 'A', (byte) 0x81, '\n'};
        assertThatThrownBy(() -> SpreadsheetTable.read(content))
                .isInstanceOf(SpreadsheetFormatException.class)
                .hasMessageContaining("neither UTF-8 nor Windows-1252");
    }

    @Test
    void keepsRowNumbersAcrossBlankLinesAndIgnoresEmptyTrailingRows() {
        String text = "Name,Postcode\n\nAnn,GL5 1AA\n,\n\nBen,GL5 1AB\n,,\n , \n\n";
        SpreadsheetTable table = csv(text, StandardCharsets.UTF_8);

        assertThat(table.rows()).extracting(SpreadsheetTable.Row::number).containsExactly(3, 6);
    }

    @Test
    void takesTheFirstRowWithAnythingInItAsTheHeadings() {
        SpreadsheetTable table = csv("\n,,\nName,Postcode\nAnn,GL5 1AA\n", StandardCharsets.UTF_8);

        assertThat(table.headerRowNumber()).isEqualTo(3);
        assertThat(table.headers()).containsExactly("Name", "Postcode");
        assertThat(table.rows().get(0).number()).isEqualTo(4);
    }

    @Test
    void namesBlankAndRepeatedHeadingsSoEveryColumnCanBeChosen() {
        SpreadsheetTable table = csv("\" Member\n No \",,Email,EMAIL,Postcode\n1,x,a@example.org,b@example.org,GL5 1AA\n",
                StandardCharsets.UTF_8);

        assertThat(table.headers()).containsExactly("Member No", "Column B", "Email", "EMAIL (column D)", "Postcode");
        assertThat(table.columnIndex("email (column d)")).isEqualTo(3);
        assertThat(table.columnIndex(" Email ")).isEqualTo(2);
        assertThat(table.columnIndex("Nope")).isEqualTo(-1);
    }

    @Test
    void padsShortRows() {
        SpreadsheetTable table = csv("Name,Postcode,Email\nAnn\n", StandardCharsets.UTF_8);

        assertThat(table.rows().get(0).cells()).containsExactly("Ann", "", "");
        assertThat(table.rows().get(0).cell(7)).isEmpty();
    }

    @Test
    void toleratesSpacesAroundQuotedValues() {
        SpreadsheetTable table = csv("Name, Address\nAnn, \"1 High St, Stroud\" \n", StandardCharsets.UTF_8);

        assertThat(table.rows().get(0).cells()).containsExactly("Ann", "1 High St, Stroud");
    }

    @Test
    void saysWhereAQuoteIsLeftOpen() {
        assertThatThrownBy(() -> csv("Name,Address\nAnn,\"1 High St\nBen,2 Low St\n", StandardCharsets.UTF_8))
                .isInstanceOf(SpreadsheetFormatException.class)
                .hasMessageContaining("near line")
                .hasMessageContaining("quotes");
    }

    @Test
    void refusesSemicolonAndTabSeparatedFilesWithAClearMessage() {
        assertThatThrownBy(() -> csv("Name;Postcode\nAnn;GL5 1AA\n", StandardCharsets.UTF_8))
                .isInstanceOf(SpreadsheetFormatException.class)
                .hasMessageContaining("separated by semicolons");
        assertThatThrownBy(() -> csv("Name\tPostcode\nAnn\tGL5 1AA\n", StandardCharsets.UTF_8))
                .hasMessageContaining("separated by tabs");
    }

    @Test
    void refusesEmptyAndBinaryFilesAndOldExcelFiles() {
        assertThatThrownBy(() -> SpreadsheetTable.read(new byte[0])).hasMessage("The file is empty.");
        assertThatThrownBy(() -> csv("\n\n,,\n", StandardCharsets.UTF_8)).hasMessageContaining("nothing in it");
        assertThatThrownBy(() -> SpreadsheetTable.read(new byte[] {'%', 'P', 'D', 'F', 0, 1, 2}))
                .hasMessageContaining("binary");
        byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        assertThatThrownBy(() -> SpreadsheetTable.read(xls)).hasMessageContaining(".xls");
    }

    @Test
    void refusesMoreThanTheRowLimit() {
        var text = new StringBuilder("Name\n");
        for (int i = 0; i < SpreadsheetTable.MAX_ROWS; i++) {
            text.append('m').append(i).append('\n');
        }
        assertThat(csv(text.toString(), StandardCharsets.UTF_8).rows()).hasSize(SpreadsheetTable.MAX_ROWS);

        text.append("one too many\n");
        assertThatThrownBy(() -> csv(text.toString(), StandardCharsets.UTF_8))
                .isInstanceOf(SpreadsheetFormatException.class)
                .hasMessageContaining("more than 100,000 rows");
    }

    @Test
    void refusesFilesOverTwentyMegabytesWithoutReadingThemWhole() {
        var endless = new InputStream() {
            long served;

            @Override
            public int read() {
                served++;
                return 'a';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 'a');
                served += len;
                return len;
            }
        };
        assertThatThrownBy(() -> SpreadsheetTable.read(endless))
                .isInstanceOf(SpreadsheetFormatException.class)
                .hasMessageContaining("larger than 20 MB");
        assertThat(endless.served).isLessThan(SpreadsheetTable.MAX_FILE_BYTES + 128 * 1024);

        assertThatThrownBy(() -> SpreadsheetTable.readCsv(new byte[(int) SpreadsheetTable.MAX_FILE_BYTES + 1]))
                .hasMessageContaining("larger than 20 MB");
    }

    @Test
    void readsFromAStream() {
        SpreadsheetTable table = SpreadsheetTable.read(new ByteArrayInputStream(TEXT.getBytes(StandardCharsets.UTF_8)));
        assertThat(table.rows()).hasSize(2);
    }

    @Test
    void namesColumnsAsExcelDoes() {
        assertThat(SpreadsheetTable.columnLetter(0)).isEqualTo("A");
        assertThat(SpreadsheetTable.columnLetter(25)).isEqualTo("Z");
        assertThat(SpreadsheetTable.columnLetter(26)).isEqualTo("AA");
        assertThat(SpreadsheetTable.columnLetter(701)).isEqualTo("ZZ");
        assertThat(SpreadsheetTable.columnLetter(16383)).isEqualTo("XFD");
    }
}
