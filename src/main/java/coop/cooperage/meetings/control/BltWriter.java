package coop.cooperage.meetings.control;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes a contest as a BLT file (the format {@link BltParser} reads, and OpenSTV, Droop and most
 * counting programs), so anyone can recount the published ballots with other software. Identical
 * papers are written once with their number as the weight; the order is sorted by preferences,
 * never the order the ballots were cast.
 */
public final class BltWriter {

    private BltWriter() {
    }

    public static String write(Contest contest) {
        var out = new StringBuilder();
        out.append(contest.candidates().size()).append(' ').append(contest.seats()).append('\n');
        if (!contest.withdrawn().isEmpty()) {
            out.append(contest.withdrawn().stream().sorted().map(w -> "-" + (w + 1)).collect(Collectors.joining(" "))).append('\n');
        }
        for (RankedBallot ballot : contest.ballots()) {
            out.append(ballot.weight());
            for (List<Integer> rank : ballot.ranks()) {
                out.append(' ').append(rank.stream().map(c -> String.valueOf(c + 1)).collect(Collectors.joining("=")));
            }
            out.append(" 0\n");
        }
        out.append("0\n");
        for (String name : contest.candidates()) {
            out.append('"').append(name).append("\"\n");
        }
        out.append('"').append(contest.title().replace("\"", "'")).append("\"\n");
        return out.toString();
    }
}
