package coop.cooperage.shares.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfferDocumentsTest {

    @Test
    void onlyBytesWithThePdfSignatureAreTakenAsAnOfferDocument() {
        assertThat(Offers.isPdf("%PDF-1.7\n...".getBytes(StandardCharsets.ISO_8859_1))).isTrue();
        assertThat(Offers.isPdf("<html>%PDF-".getBytes(StandardCharsets.ISO_8859_1))).isFalse();
        assertThat(Offers.isPdf("%PDF".getBytes(StandardCharsets.ISO_8859_1))).isFalse();
        assertThat(Offers.isPdf(new byte[0])).isFalse();
    }

    @Test
    void theDemoDocumentIsAPdfWhoseCrossReferencePointsAtItsObjects() {
        byte[] pdf = OfferDemo.pdf(List.of("Riverside (demo)", "A line"));
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        assertThat(Offers.isPdf(pdf)).isTrue();
        assertThat(text).endsWith("%%EOF\n").contains("(Riverside \\(demo\\)) Tj");
        int startxref = Integer.parseInt(text.substring(text.indexOf("startxref\n") + 10, text.indexOf("\n%%EOF")).trim());
        assertThat(text.substring(startxref)).startsWith("xref\n0 6\n");
        // every object offset in the table lands on "n 0 obj"
        var entries = text.substring(startxref).lines().skip(3).limit(5).toList();
        for (int i = 0; i < entries.size(); i++) {
            int offset = Integer.parseInt(entries.get(i).substring(0, 10));
            assertThat(text.substring(offset)).startsWith((i + 1) + " 0 obj");
        }
    }

    @Test
    void paymentReferencesStartWithTheSocietysInitials() {
        assertThat(ShareApplications.prefix("Riverside Community Energy", "riverside")).isEqualTo("RCE");
        assertThat(ShareApplications.prefix("Hilltop Hydro Co-operative Society Limited", "hilltop")).isEqualTo("HHCO");
        assertThat(ShareApplications.prefix("Ynni", "ynni-ogwen")).isEqualTo("YNN");
        assertThat(ShareApplications.prefix("1066 Energy", "hastings")).isEqualTo("HAS");
    }
}
