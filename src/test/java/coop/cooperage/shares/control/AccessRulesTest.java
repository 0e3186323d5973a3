package coop.cooperage.shares.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Who may download a certificate and who may cancel a withdrawal request: one rule for pages and API. */
class AccessRulesTest {

    @Test
    void aCertificateIsForItsMemberOrAnOfficer() {
        assertThat(ShareCertificates.mayDownload(false, 5L, 5L)).isTrue();
        assertThat(ShareCertificates.mayDownload(false, 6L, 5L)).isFalse();
        assertThat(ShareCertificates.mayDownload(false, null, 5L)).isFalse();
        assertThat(ShareCertificates.mayDownload(true, null, 5L)).isTrue();
        assertThat(ShareCertificates.mayDownload(true, 6L, 5L)).isTrue();
    }

    @Test
    void aRequestIsCancelledByWhoeverMadeItOrTheSecretary() {
        assertThat(Withdrawals.mayCancel(false, 5L, 5L)).isTrue();
        assertThat(Withdrawals.mayCancel(false, 6L, 5L)).isFalse();
        assertThat(Withdrawals.mayCancel(false, null, 5L)).isFalse();
        assertThat(Withdrawals.mayCancel(true, null, 5L)).isTrue();
    }
}
