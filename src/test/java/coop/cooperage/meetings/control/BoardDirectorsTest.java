package coop.cooperage.meetings.control;

import static org.assertj.core.api.Assertions.assertThat;

import coop.cooperage.identity.entity.Account;
import coop.cooperage.society.entity.Office;
import coop.cooperage.society.entity.OfficerAppointment;
import java.lang.reflect.Field;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who the directors are, and who may act as one: by linked account, never by name. */
class BoardDirectorsTest {

    private static final LocalDate ON = LocalDate.of(2026, 6, 1);

    private static <T> T withId(T entity, long id) {
        try {
            Field f = entity.getClass().getDeclaredField("id");
            f.setAccessible(true);
            f.set(entity, id);
            return entity;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static OfficerAppointment entry(long id, Office office, String name, Long account) {
        return withId(new OfficerAppointment(1L, office, name, account, LocalDate.of(2024, 1, 1), LocalDateTime.now()), id);
    }

    private static Account account(long id, String displayName) {
        return withId(new Account(displayName.toLowerCase().replace(' ', '.') + "@example.org", displayName, LocalDateTime.now()), id);
    }

    @Test
    void twoDirectorsWhoShareANameAreTwoDirectors() {
        var board = BoardDecisions.board(List.of(entry(1, Office.DIRECTOR, "Sam Jones", null),
                entry(2, Office.DIRECTOR, "Sam Jones", null), entry(3, Office.DIRECTOR, "Ann Lee", null)), ON);
        assertThat(board).containsOnlyKeys(1L, 2L, 3L);
    }

    @Test
    void entriesLinkedToOneAccountAreOnePerson() {
        // the chair also entered as a director counts once
        var board = BoardDecisions.board(List.of(entry(5, Office.CHAIR, "Rhiannon Evans", 77L),
                entry(4, Office.DIRECTOR, "Rhiannon Evans", 77L), entry(6, Office.DIRECTOR, "Ann Lee", 78L),
                entry(7, Office.SECRETARY, "Sid Vicar", null)), ON);
        assertThat(board).containsOnlyKeys(4L, 6L);
    }

    @Test
    void anEntryWithoutALinkedAccountIsNobodysOwnEvenUnderTheSameName() {
        var unlinked = entry(1, Office.DIRECTOR, "Sam Jones", null);
        assertThat(BoardDecisions.isSelf(unlinked, account(10, "Sam Jones"))).isFalse();
        var linked = entry(2, Office.DIRECTOR, "Sam Jones", 10L);
        assertThat(BoardDecisions.isSelf(linked, account(10, "Sam Jones"))).isTrue();
        // another account with the same display name is not them
        assertThat(BoardDecisions.isSelf(linked, account(11, "Sam Jones"))).isFalse();
    }

    @Test
    void aDirectorStillServesThroughAnotherEntryLinkedToTheSameAccount() {
        var ended = entry(1, Office.DIRECTOR, "Rhiannon Evans", 77L);
        ended.end(ON.minusDays(1));
        var chair = entry(2, Office.CHAIR, "Rhiannon Evans", 77L);
        var gone = entry(3, Office.DIRECTOR, "Ann Lee", null);
        gone.end(ON.minusDays(1));
        var register = List.of(ended, chair, gone);
        assertThat(BoardDecisions.stillServing(register, 1L, ON)).isTrue();
        assertThat(BoardDecisions.stillServing(register, 3L, ON)).isFalse();
        assertThat(BoardDecisions.stillServing(register, 3L, ON.minusDays(2))).isTrue();
    }

    @Test
    void aDuplicateKeyIsRecognisedThroughTheWrappers() {
        var wrapped = new RuntimeException(new RuntimeException(new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062)));
        assertThat(BoardDecisions.isDuplicate(wrapped)).isTrue();
        assertThat(BoardDecisions.isDuplicate(new RuntimeException(new SQLException("Deadlock", "40001", 1213)))).isFalse();
    }
}
