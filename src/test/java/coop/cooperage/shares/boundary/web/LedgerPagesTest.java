package coop.cooperage.shares.boundary.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.cooperage.platform.control.InvalidInputException;
import org.junit.jupiter.api.Test;

class LedgerPagesTest {

    @Test
    void aNomineeFieldNamesItsNomination() {
        assertThat(LedgerPages.nominationId("nominee-12")).isEqualTo(12L);
    }

    @Test
    void aTamperedNomineeFieldIsBadInputNotAServerError() {
        for (String key : new String[] {"nominee-abc", "nominee-", "nominee-0", "nominee--3", "nominee-99999999999999999999"}) {
            assertThatThrownBy(() -> LedgerPages.nominationId(key)).as(key).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("nomination that does not exist");
        }
    }
}
