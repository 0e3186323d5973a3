package coop.cooperage.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BodyLimitFilterTest {

    private static final int MIB = 1024 * 1024;

    @Test
    void bankStatementsMaySendTenMebibytesOnThePageAndTheApi() {
        assertThat(BodyLimitFilter.limitFor("api/v1/societies/solar/payments/statements")).isEqualTo(10 * MIB);
        assertThat(BodyLimitFilter.limitFor("s/solar/payments/statements")).isEqualTo(10 * MIB);
        assertThat(BodyLimitFilter.limitFor("/s/solar/payments/statements/mapping")).isEqualTo(10 * MIB);
    }

    @Test
    void otherRequestsKeepTheirLimits() {
        assertThat(BodyLimitFilter.limitFor("api/v1/societies/solar/payments")).isEqualTo(MIB);
        assertThat(BodyLimitFilter.limitFor("api/v1/societies/solar/payments/confirmations")).isEqualTo(MIB);
        assertThat(BodyLimitFilter.limitFor("s/solar/members/import")).isEqualTo(20 * MIB);
        assertThat(BodyLimitFilter.limitFor("api/v1/societies/solar/members/imports")).isEqualTo(20 * MIB);
    }
}
