package coop.cooperage.payments.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {

    @Test
    void readsQuotedFieldsWithDelimitersQuotesAndLineBreaks() {
        List<CsvRecords.Row> rows = CsvRecords.read(
                "a,b,c\r\n\"Smith, J\",\"said \"\"hi\"\"\",\"two\nlines\"\r\nlast,,\n", ',');
        assertThat(rows).extracting(CsvRecords.Row::fields).containsExactly(
                List.of("a", "b", "c"),
                List.of("Smith, J", "said \"hi\"", "two\nlines"),
                List.of("last", "", ""));
        // The third record starts on line 4 because the second spans lines 2 and 3.
        assertThat(rows).extracting(CsvRecords.Row::lineNumber).containsExactly(1, 2, 4);
    }

    @Test
    void skipsBlankLinesButCountsThem() {
        List<CsvRecords.Row> rows = CsvRecords.read("\uFEFFh1;h2\n\n;\nx;y", ';');
        assertThat(rows).extracting(CsvRecords.Row::fields).containsExactly(List.of("h1", "h2"), List.of("x", "y"));
        assertThat(rows).extracting(CsvRecords.Row::lineNumber).containsExactly(1, 4);
    }

    @Test
    void keepsAQuoteInsideAnUnquotedField() {
        assertThat(CsvRecords.read("6\" PIPE,1", ',').get(0).fields()).containsExactly("6\" PIPE", "1");
    }

    @Test
    void namesTheLineOfMalformedQuoting() {
        assertThatThrownBy(() -> CsvRecords.read("a\nb,\"open\nstill open", ','))
                .isInstanceOf(StatementFormatException.class)
                .hasMessage("Line 2: a quoted field is never closed");
        assertThatThrownBy(() -> CsvRecords.read("a\n\"x\"y,1", ','))
                .hasMessage("Line 2: unexpected text after a closing quote");
    }
}
