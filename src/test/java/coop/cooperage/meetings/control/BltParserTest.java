package coop.cooperage.meetings.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BltParserTest {

    @Test
    void readsHeaderBallotsNamesAndTitle() {
        Contest contest = BltParser.parse("""
                3 2
                4 1 2 0
                2 3 0
                0
                "Castor"
                "Pollux"
                "Helen"
                "Pollux and Helen should tie"
                """);

        assertThat(contest.seats()).isEqualTo(2);
        assertThat(contest.candidates()).containsExactly("Castor", "Pollux", "Helen");
        assertThat(contest.title()).isEqualTo("Pollux and Helen should tie");
        assertThat(contest.withdrawn()).isEmpty();
        assertThat(contest.ballots()).containsExactly(RankedBallot.of(4, 0, 1), RankedBallot.of(2, 2));
        assertThat(contest.paperCount()).isEqualTo(6);
    }

    @Test
    void keepsSpacesInsideQuotedNamesAndAcceptsUnquotedOnes() {
        Contest contest = BltParser.parse("2 1\n1 1 0\n0\n\"Kevin  LANG\"\n  Louise YOUNG  \nWard 1 - Almond\n");

        assertThat(contest.candidates()).containsExactly("Kevin  LANG", "Louise YOUNG");
        assertThat(contest.title()).isEqualTo("Ward 1 - Almond");
    }

    @Test
    void ignoresPaddingBlankLinesAndAByteOrderMark() {
        Contest contest = BltParser.parse("\uFEFF2 1      \n\n1 2 1 0     \n   \n0   \n\"A\"   \n\"B\"\n\"T\"\n\n\n");

        assertThat(contest.ballots()).containsExactly(RankedBallot.of(1, 1, 0));
    }

    @Test
    void readsWithdrawnCandidatesGivenAsNegativeNumbers() {
        Contest contest = BltParser.parse("3 1\n-2\n1 1 2 3 0\n0\nA\nB\nC\nT\n");

        assertThat(contest.withdrawn()).containsExactly(1);
        assertThat(contest.standingBallots()).containsExactly(RankedBallot.of(1, 0, 2));
    }

    @Test
    void strikesAWithdrawnCandidateOutOfAnEqualPreference() {
        Contest contest = BltParser.parse("3 1\n-2\n1 2=1 3 0\n1 2 0\n0\nA\nB\nC\nT\n");

        assertThat(contest.standingBallots()).containsExactly(RankedBallot.of(1, 0, 2));
    }

    @Test
    void readsEqualPreferences() {
        Contest contest = BltParser.parse("3 1\n2 1=3 2 0\n0\nA\nB\nC\nT\n");

        assertThat(contest.ballots().get(0).ranks()).containsExactly(List.of(0, 2), List.of(1));
        assertThat(contest.ballots().get(0).hasEqualPreferences()).isTrue();
    }

    @Test
    void readsNicknamesWithdrawalsAndTieOrderOptions() {
        Contest contest = BltParser.parse("""
                3 2
                [nick apple banana cherry]
                [withdrawn banana]
                [tie cherry banana apple]
                3 apple=banana cherry 0
                0
                "Apple"
                "Banana"
                "Cherry"
                "Vegetable contest"
                """);

        assertThat(contest.withdrawn()).containsExactly(1);
        assertThat(contest.tieBreakOrder()).containsExactly(2, 1, 0);
        assertThat(contest.ballots().get(0).ranks()).containsExactly(List.of(0, 1), List.of(2));
    }

    @Test
    void withoutATieLineTheTieBreakOrderIsTheBallotOrder() {
        assertThat(BltParser.parse("2 1\n1 1 0\n0\nA\nB\nT\n").tieBreakOrder()).containsExactly(0, 1);
    }

    @Test
    void readsABallotWithNoPreferenceAsABlankPaper() {
        Contest contest = BltParser.parse("2 1\n3 0\n1 2 0\n0\nA\nB\nT\n");

        assertThat(contest.ballots()).containsExactly(new RankedBallot(3, List.of()), RankedBallot.of(1, 1));
        assertThat(contest.standingBallots()).containsExactly(RankedBallot.of(1, 1));
    }

    @ParameterizedTest(name = "line {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            3                                          | 1 | expected the header
            three 2                                    | 1 | expected a whole number for the number of candidates
            3 0                                        | 1 | number of seats must be at least 1
            3 1\\n-4\\n0\\nA\\nB\\nC\\nT               | 2 | there is no candidate 4
            3 1\\n1 1 2\\n0\\nA\\nB\\nC\\nT            | 2 | must end with 0
            3 1\\n1 1 2 0\\n1 1 4 0\\n0\\nA\\nB\\nC\\nT | 3 | there is no candidate 4
            3 1\\n1 1 0 2 0\\n0\\nA\\nB\\nC\\nT        | 2 | 0 ends a ballot
            3 1\\n1 1 2 1 0\\n0\\nA\\nB\\nC\\nT        | 2 | candidate 1 is ranked more than once
            3 1\\n1 1=1 0\\n0\\nA\\nB\\nC\\nT          | 2 | candidate 1 is ranked more than once
            3 1\\n1 1= 2 0\\n0\\nA\\nB\\nC\\nT         | 2 | "=" must join two candidates
            3 1\\n0 1 2 0\\n0\\nA\\nB\\nC\\nT          | 2 | weight must be a positive whole number
            3 1\\n1.5 1 2 0\\n0\\nA\\nB\\nC\\nT        | 2 | must start with its weight
            3 1\\n1 1 x 0\\n0\\nA\\nB\\nC\\nT          | 2 | expected a whole number for the preference
            3 1\\n1 1 2 0\\n\\n1 3 0\\n                | 5 | the file ended where the ballots
            3 1\\n1 1 2 0\\n0\\nA\\nB                  | 6 | name of candidate 3 of 3
            3 1\\n1 1 2 0\\n0\\nA\\nB\\nC              | 7 | the election title
            3 1\\n1 1 2 0\\n0\\nA\\n"B\\nC\\nT         | 5 | no closing quote
            3 1\\n1 1 2 0\\n0\\nA\\nB\\nA\\nT          | 6 | "A" is already used on line 4
            3 1\\n1 1 2 0\\n0\\nA\\nB\\nC\\nT\\nextra  | 8 | unexpected text after the election title
            3 1\\n1 1 2 0\\n-2\\n0\\nA\\nB\\nC\\nT     | 3 | must come before the first ballot
            3 1\\n[nick a b]\\n0\\nA\\nB\\nC\\nT       | 2 | gives 2 nicknames for 3 candidates
            3 1\\n[nick a b c]\\n1 a d 0\\n0\\nA\\nB\\nC\\nT | 3 | unknown candidate nickname "d"
            3 1\\n[tie 1 2]\\n0\\nA\\nB\\nC\\nT        | 2 | must list all 3 candidates
            3 1\\n[colour red]\\n0\\nA\\nB\\nC\\nT     | 2 | unknown option [colour]
            """)
    void namesTheLineAndTheProblemInAMalformedFile(String text, int line, String problem) {
        String blt = text.replace("\\n", "\n");

        assertThatThrownBy(() -> BltParser.parse(blt))
                .isInstanceOf(BltFormatException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("line " + line + ": ")
                .hasMessageContaining(problem)
                .satisfies(e -> assertThat(((BltFormatException) e).line()).isEqualTo(line));
    }

    @Test
    void readsEveryFileOfTheSharedTestData() {
        for (String family : List.of("scottish-2017", "meek")) {
            for (var dir : StvTestData.cases(family)) {
                String ballotFile = StvTestData.json(dir.resolve("expected.json")).getString("ballot_file");
                Contest contest = BltParser.read(dir.resolve(ballotFile));
                assertThat(contest.ballots()).as(dir.toString()).isNotEmpty();
            }
        }
    }
}
