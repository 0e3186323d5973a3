package coop.cooperage.meetings.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BltWriterTest {

    @Test
    void writesWhatTheParserReadsBackAndCountsTheSame() {
        var contest = new Contest("Board election 2026", 2, List.of("Ann Ash", "Bob Birch", "Cat Cedar"), List.of(
                RankedBallot.of(3, 0, 1), RankedBallot.of(2, 2), RankedBallot.of(1, 1, 2, 0)));
        String blt = BltWriter.write(contest);
        assertThat(blt).startsWith("3 2\n3 1 2 0\n2 3 0\n1 2 3 1 0\n0\n\"Ann Ash\"\n");
        var back = BltParser.parse(blt);
        assertThat(back.candidates()).isEqualTo(contest.candidates());
        assertThat(back.ballots()).isEqualTo(contest.ballots());
        assertThat(back.title()).isEqualTo("Board election 2026");
        assertThat(CountMethod.SCOTTISH_STV.count(back, 1).elected()).isEqualTo(CountMethod.SCOTTISH_STV.count(contest, 1).elected());
    }
}
