package coop.cooperage.members.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MemberTest {

    private static final LocalDate APPLIED = LocalDate.of(2025, 3, 1);

    private static Member applicant() {
        var details = new MemberDetails(MemberKind.INDIVIDUAL, "Ann Lee", null, "4 Church Street\nNailsworth", "gl6 0aa",
                "ann@example.org", Set.of(EmailPurpose.NOTICES), LocalDate.of(1990, 3, 31), false);
        return Member.applicant(1, "M-TEST", details, APPLIED, LocalDateTime.of(2025, 3, 1, 9, 0));
    }

    @Test
    void anApplicantIsAdmittedThenCeases() {
        var m = applicant();
        assertThat(m.postcode().value()).isEqualTo("GL6 0AA");
        m.admit(7, APPLIED.plusDays(10));
        assertThat(m.state()).isEqualTo(MemberState.MEMBER);
        assertThat(m.memberNumber()).isEqualTo(7);
        m.cease(APPLIED.plusYears(1), CeasingReason.WITHDREW_ALL_SHARES);
        assertThat(m.state()).isEqualTo(MemberState.CEASED);
    }

    @Test
    void noOtherMoveIsAllowed() {
        var m = applicant();
        assertThatThrownBy(() -> m.cease(APPLIED, CeasingReason.DIED)).isInstanceOf(IllegalStateException.class);
        m.reject("Outside the area of benefit");
        assertThatThrownBy(() -> m.admit(1, APPLIED)).isInstanceOf(IllegalStateException.class);
        var admitted = applicant();
        admitted.admit(1, APPLIED);
        assertThatThrownBy(() -> admitted.admit(2, APPLIED)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> admitted.reject("late")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> admitted.cease(APPLIED.minusDays(1), CeasingReason.DIED)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> applicant().admit(1, APPLIED.minusDays(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void contactChangesComeBackAsHistory() {
        var m = applicant();
        m.admit(1, APPLIED);
        var changes = m.changeContact("Ann Lee-Smith", null, "1 New Road\nStroud", new Postcode("GL5 1AA"), "ann@new.example",
                Set.of(), APPLIED.plusDays(5), LocalDateTime.now(), "secretary@example.org");
        assertThat(changes).extracting(MemberChange::field).containsExactly("name", "address", "email", "emailPurposes");
        assertThat(changes.get(1).oldValue()).isEqualTo("4 Church Street\nNailsworth\nGL6 0AA");
        assertThat(m.emailPurposes()).isEmpty();
    }

    @Test
    void erasureKeepsWhatTheRegisterMustKeep() {
        var m = applicant();
        m.admit(3, APPLIED);
        assertThatThrownBy(() -> m.eraseContactDetails(LocalDateTime.now())).isInstanceOf(IllegalStateException.class);
        m.cease(APPLIED.plusYears(1), CeasingReason.DIED);
        m.eraseContactDetails(LocalDateTime.now());
        assertThat(m.name()).isEqualTo("Ann Lee");
        assertThat(m.memberNumber()).isEqualTo(3);
        assertThat(m.joinedOn()).isEqualTo(APPLIED);
        assertThat(m.email()).isNull();
        assertThat(m.dateOfBirth()).isNull();
        assertThat(m.address()).isEqualTo("(erased)");
    }

    @Test
    void detailsAreValidatedAllAtOnce() {
        var bad = new MemberDetails(MemberKind.ORGANISATION, "", null, "", "nowhere", "not-an-email", Set.of(), null, false);
        assertThat(bad.validate(APPLIED, 16).list()).extracting(e -> e.field())
                .contains("name", "representative", "address", "postcode", "email");
        var young = new MemberDetails(MemberKind.INDIVIDUAL, "Kid", null, "1 Road", "GL5 1AA", null, Set.of(), APPLIED.minusYears(15), false);
        assertThat(young.validate(APPLIED, 16).list()).extracting(e -> e.message()).anyMatch(msg -> msg.contains("at least 16"));
        assertThat(young.validate(APPLIED, 0).isEmpty()).isTrue();
    }
}
