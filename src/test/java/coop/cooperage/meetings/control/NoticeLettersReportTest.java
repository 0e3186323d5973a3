package coop.cooperage.meetings.control;

import static org.assertj.core.api.Assertions.assertThat;

import coop.cooperage.reporting.control.ReportRenderer;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The letters report: one page per member, the address where a window envelope shows it, fonts embedded. */
class NoticeLettersReportTest {

    private static final Map<String, String> PARAMETERS = Map.of("SOCIETY_NAME", "Riverside Community Energy",
            "REGISTERED_OFFICE", "The Old Boathouse, Quay Street, Bristol BS1 4RW", "MEETING_TITLE", "Annual general meeting 2026",
            "LETTER_DATE", "2 December 2026", "BRAND_COLOUR", "#0b6e4f", "GENERATED_AT", "2 December 2026 at 09:00");

    private static Map<String, String> letter(int n) {
        return Map.of("name", "Member " + n, "address", n + " High Street\nBristol\nBS1 4RW", "memberNumber", String.valueOf(n),
                "body", "Dear Member " + n + ",\n\nNotice is given that the annual general meeting will be held.\n\nAgenda\n1. Accounts");
    }

    @Test
    void printsOnePagePerMemberInOrderWithEmbeddedFonts() throws Exception {
        var rows = new ArrayList<Map<String, String>>();
        IntStream.rangeClosed(1, 3).forEach(n -> rows.add(letter(n)));
        var out = new ByteArrayOutputStream();
        new ReportRenderer().writePdf(NoticeLetters.REPORT, PARAMETERS, rows.iterator(), ReportRenderer.Fill.SWAP_TO_DISK, out);
        try (var doc = Loader.loadPDF(out.toByteArray())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(3);
            var stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            for (int page = 1; page <= 3; page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(doc);
                assertThat(text).contains("Member " + page + "\n" + page + " High Street", "Dear Member " + page,
                        "Notice of Annual general meeting 2026", "Member number " + page, "Riverside Community Energy");
                assertThat(text).doesNotContain("Dear Member " + (page % 3 + 1));
            }
            for (var name : doc.getPage(0).getResources().getFontNames()) {
                PDFont font = doc.getPage(0).getResources().getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
            }
        }
    }

    @Test
    void aReminderLetterIsHeadedAsAReminder() throws Exception {
        var parameters = new java.util.HashMap<String, String>(PARAMETERS);
        parameters.put("HEADING", "Reminder: Annual general meeting 2026");
        var out = new ByteArrayOutputStream();
        new ReportRenderer().writePdf(NoticeLetters.REPORT, parameters, java.util.List.of(letter(1)).iterator(),
                ReportRenderer.Fill.SWAP_TO_DISK, out);
        try (var doc = Loader.loadPDF(out.toByteArray())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Reminder: Annual general meeting 2026", "Dear Member 1").doesNotContain("Notice of Annual");
        }
    }

    @Test
    void saysSoWhenThereAreNoLetters() throws Exception {
        var out = new ByteArrayOutputStream();
        new ReportRenderer().writePdf(NoticeLetters.REPORT, PARAMETERS, java.util.Collections.<Map<String, String>>emptyIterator(),
                ReportRenderer.Fill.SWAP_TO_DISK, out);
        try (var doc = Loader.loadPDF(out.toByteArray())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("there are no letters to print");
        }
    }
}
