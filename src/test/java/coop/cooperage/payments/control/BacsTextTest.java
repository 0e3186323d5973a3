package coop.cooperage.payments.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BacsTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Zoë O'Brien|ZOE OBRIEN",
        "José Müller-Lüdenscheidt|JOSE MULLER-LUDENSCHEIDT",
        "Straße|STRASSE",
        "  lots   of   space  |LOTS OF SPACE",
        "- leading dash|LEADING DASH",
        "A&B / C.D|A&B / C.D",
        "50% off!|50 OFF",
        "Ｆｕｌｌ ｗｉｄｔｈ|FULL WIDTH",
        "Þóra Ødegård, Æsa Łukasz, Œuvre Ðóra|THORA ODEGARD AESA LUKASZ OEUVRE DORA",
    })
    void cleansToTheBacsCharacterSet(String input, String expected) {
        assertThat(BacsText.clean(input)).isEqualTo(expected);
        assertThat(BacsText.isAllowed(BacsText.clean(input))).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Short|'SHORT             '",
        "Exactly eighteen c|EXACTLY EIGHTEEN C",
        "Sunny Hill Energy Co-operative|'SUNNY HILL ENERGY '",
    })
    void cutsAndPadsToTheFieldWidth(String input, String expected) {
        assertThat(BacsText.field(input, 18)).isEqualTo(expected).hasSize(18);
    }
}
