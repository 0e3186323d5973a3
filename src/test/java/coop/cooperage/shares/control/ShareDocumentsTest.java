package coop.cooperage.shares.control;

import static org.assertj.core.api.Assertions.assertThat;

import coop.cooperage.reporting.control.ReportRenderer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The share designs fill and read as they should; CSV text cannot smuggle in a formula. */
class ShareDocumentsTest {

    private final ReportRenderer renderer = new ReportRenderer();

    @Test
    void aCertificateSaysWhoHoldsWhatOnOnePageWithEmbeddedFonts() throws Exception {
        var p = new HashMap<String, Object>();
        p.put("SOCIETY_NAME", "Bristol Community Energy");
        p.put("BRAND_COLOUR", "#0b6e4f");
        p.put("REGISTRATION_NUMBER", "31452R");
        p.put("REGISTERED_OFFICE", "1 Quay Street, Bristol BS1 4RW");
        p.put("CERTIFICATE_NUMBER", "117");
        p.put("MEMBER_NAME", "Siân O'Brien");
        p.put("MEMBER_NUMBER", "42");
        p.put("SHARES", "1,250");
        p.put("SHARE_PRICE", "£1.00");
        p.put("AMOUNT", "£1,250.00");
        p.put("ISSUED_ON", "1 December 2026");
        p.put("OFFER_TITLE", "Solar on the school roof");
        byte[] pdf = renderer.pdf(ShareCertificates.REPORT, p, List.of());
        // kept for a look: pdftoppm -png -r 60 target/sample-certificate.pdf target/certificate
        java.nio.file.Files.write(java.nio.file.Path.of("target/sample-certificate.pdf"), pdf);
        try (var doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            var stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            String text = stripper.getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("Bristol Community Energy").contains("31452R").contains("Share certificate")
                    .contains("Certificate number 117").contains("Siân O'Brien").contains("member number 42")
                    .contains("1,250 fully paid withdrawable shares of £1.00 each (£1,250.00)").contains("Solar on the school roof")
                    .contains("Director").contains("Secretary");
            for (var name : doc.getPage(0).getResources().getFontNames()) {
                PDFont font = doc.getPage(0).getResources().getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
            }
        }
    }

    @Test
    void anEmptyCapitalReportSaysSo() throws Exception {
        var out = new ByteArrayOutputStream();
        renderer.writePdf("shares/capital", Map.of("SOCIETY_NAME", "X", "AS_AT", "1 April 2026", "MEMBERS", "0"), List.<Map<String, ?>>of(),
                ReportRenderer.Fill.IN_MEMORY, out);
        try (var doc = Loader.loadPDF(out.toByteArray())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("No member held shares on this date.");
        }
    }

    @Test
    void csvTextIsQuotedAndDefusedButNumbersAreNot() {
        assertThat(ShareReports.Csv.text("Smith, Jo")).isEqualTo("\"Smith, Jo\"");
        assertThat(ShareReports.Csv.text("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(ShareReports.Csv.text("-1")).isEqualTo("'-1");
        assertThat(ShareReports.Csv.text(null)).isEmpty();
        var out = new ByteArrayOutputStream();
        ShareReports.writeCsv(out, ShareReports.CAPITAL_HEADINGS, List.of(List.of("1", ShareReports.Csv.text("@Ann"), "10", "10.00")).iterator());
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("\uFEFFMember number,Name,Shares,Amount paid (£)\r\n1,'@Ann,10,10.00\r\n");
    }
}
