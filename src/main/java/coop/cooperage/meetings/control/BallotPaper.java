package coop.cooperage.meetings.control;

import coop.cooperage.platform.control.InvalidInputException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a voter marked on an election ballot, checked and written as it goes into the box: the
 * candidates' ids in order of preference, separated by {@code >}.
 *
 * <p><b>Plurality</b>: tick at least one and at most as many candidates as there are seats. The
 * ticks are stored sorted by candidate id, so the order of ticking says nothing.
 *
 * <p><b>STV</b>: number the candidates 1, 2, 3... in order of preference; you need not number them
 * all. The numbers used must run from 1 with no number repeated and none skipped (1, 2, 4 is
 * refused rather than guessed at, because a returning officer would otherwise have to decide
 * what the voter meant).
 */
public final class BallotPaper {

    private BallotPaper() {
    }

    public static List<Long> ticked(Collection<Long> choices, Set<Long> candidates, int seats) {
        if (choices == null || choices.isEmpty()) {
            throw new InvalidInputException("choices", "Choose at least one candidate");
        }
        var unique = new LinkedHashSet<Long>();
        for (Long c : choices) {
            if (c == null || !candidates.contains(c)) {
                throw new InvalidInputException("choices", "That is not a candidate in this election");
            }
            if (!unique.add(c)) {
                throw new InvalidInputException("choices", "You chose the same candidate twice");
            }
        }
        if (unique.size() > seats) {
            throw new InvalidInputException("choices", "Choose no more than " + seats + " candidate" + (seats == 1 ? "" : "s")
                    + ": there " + (seats == 1 ? "is 1 seat" : "are " + seats + " seats") + " and you chose " + unique.size());
        }
        return unique.stream().sorted().toList();
    }

    /** @param ranks candidate id to the number the voter gave it (candidates left blank are absent) */
    public static List<Long> ranked(Map<Long, Integer> ranks, Set<Long> candidates) {
        if (ranks == null || ranks.isEmpty()) {
            throw new InvalidInputException("ranks", "Number at least one candidate: 1 for your first choice");
        }
        var byRank = new TreeMap<Integer, Long>();
        for (var entry : ranks.entrySet()) {
            if (entry.getKey() == null || !candidates.contains(entry.getKey())) {
                throw new InvalidInputException("ranks", "That is not a candidate in this election");
            }
            Integer rank = entry.getValue();
            if (rank == null || rank < 1 || rank > candidates.size()) {
                throw new InvalidInputException("ranks", "Use the numbers 1 to " + candidates.size());
            }
            if (byRank.put(rank, entry.getKey()) != null) {
                throw new InvalidInputException("ranks", "You gave the number " + rank + " to more than one candidate: give each number once");
            }
        }
        int expected = 1;
        for (int rank : byRank.keySet()) {
            if (rank != expected) {
                throw new InvalidInputException("ranks", "You skipped number " + expected + ": number your choices 1, 2, 3 and so on without gaps");
            }
            expected++;
        }
        return new ArrayList<>(byRank.values());
    }

    public static String encode(List<Long> candidateIds) {
        var text = new StringBuilder();
        for (Long id : candidateIds) {
            if (!text.isEmpty()) {
                text.append('>');
            }
            text.append(id);
        }
        return text.toString();
    }

    public static List<Long> decode(String content) {
        var ids = new ArrayList<Long>();
        var seen = new HashSet<Long>();
        for (String part : content.split(">")) {
            long id = Long.parseLong(part.trim());
            if (!seen.add(id)) {
                throw new IllegalStateException("a stored ballot repeats candidate " + id);
            }
            ids.add(id);
        }
        return ids;
    }
}
