package coop.cooperage.meetings.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the BLT ballot format (from ERS/OpenSTV, also written by Droop and most counting tools):
 *
 * <pre>
 * 4 2                 candidates seats
 * -3                  optional: withdrawn candidates as negative numbers
 * 3 1 2 0             weight, preferences (1-based candidate numbers), 0
 * 2 2=3 1 0           "=" joins candidates given the same preference
 * 0                   end of ballots
 * "Castor"            one name per line, quoted or not
 * ...
 * "Title"             the election title
 * </pre>
 *
 * <p>It also reads the extension used by the stv-rs and Droop test data: option lines before the
 * ballots, {@code [nick a b c]} (ballots then name candidates by nickname), {@code [withdrawn a b]}
 * and {@code [tie c b a]} (the tie-break order for Meek's method).
 *
 * <p>Blank lines and trailing spaces are ignored (exported preference profiles pad every line).
 * Anything else that does not fit is an error naming the line, never silently skipped: a
 * mis-read ballot file changes an election result.
 */
public final class BltParser {

    private final List<String> lines;
    private int next; // index into lines of the next line to read

    private BltParser(List<String> lines) {
        this.lines = lines;
    }

    public static Contest parse(String text) {
        return read(new StringReader(text));
    }

    public static Contest read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ballot file " + file, e);
        }
    }

    public static Contest read(Reader reader) {
        List<String> lines = new ArrayList<>();
        try (BufferedReader buffered = new BufferedReader(reader)) {
            for (String line = buffered.readLine(); line != null; line = buffered.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ballot file", e);
        }
        if (!lines.isEmpty() && lines.get(0).startsWith("\uFEFF")) {
            lines.set(0, lines.get(0).substring(1)); // byte-order mark from Windows editors
        }
        return new BltParser(lines).contest();
    }

    private Contest contest() {
        String header = nextContentLine("the header \"<number of candidates> <number of seats>\"");
        int headerLine = next;
        String[] counts = tokens(header);
        if (counts.length != 2) {
            throw error(headerLine, "expected the header \"<number of candidates> <number of seats>\" but found \"" + header + "\"");
        }
        int candidateCount = positiveInt(counts[0], headerLine, "number of candidates");
        int seats = positiveInt(counts[1], headerLine, "number of seats");

        Set<Integer> withdrawn = new LinkedHashSet<>();
        List<String> nicknames = null;
        List<String> tieNames = null;
        int tieLine = 0;
        List<Pending> ballots = new ArrayList<>();
        boolean ended = false;
        boolean ballotsStarted = false;
        while (!ended) {
            String line = nextContentLine("the ballots, ended by a line holding just 0");
            int lineNumber = next;
            if (line.startsWith("[")) {
                if (ballotsStarted) {
                    throw error(lineNumber, "option " + line + " must come before the first ballot");
                }
                if (!line.endsWith("]")) {
                    throw error(lineNumber, "option line has no closing ]");
                }
                String[] words = tokens(line.substring(1, line.length() - 1));
                List<String> values = List.of(words).subList(1, words.length);
                switch (words[0]) {
                    case "nick" -> {
                        if (values.size() != candidateCount) {
                            throw error(lineNumber, "[nick] gives " + values.size() + " nicknames for " + candidateCount + " candidates");
                        }
                        if (new LinkedHashSet<>(values).size() != values.size()) {
                            throw error(lineNumber, "[nick] repeats a nickname");
                        }
                        nicknames = values;
                    }
                    case "withdrawn" -> {
                        for (String nick : values) {
                            withdrawn.add(candidateByNickname(nicknames, nick, lineNumber, candidateCount));
                        }
                    }
                    case "tie" -> {
                        tieNames = values;
                        tieLine = lineNumber;
                    }
                    default -> throw error(lineNumber, "unknown option [" + words[0] + "]");
                }
                continue;
            }
            String[] words = tokens(line);
            if (words[0].startsWith("-")) {
                if (ballotsStarted) {
                    throw error(lineNumber, "withdrawn candidates (negative numbers) must come before the first ballot");
                }
                for (String word : words) {
                    int candidate = parseInt(word, lineNumber, "withdrawn candidate");
                    if (candidate >= 0) {
                        throw error(lineNumber, "withdrawn candidates are written as negative numbers, found " + word);
                    }
                    withdrawn.add(candidateNumber(-candidate, lineNumber, candidateCount));
                }
                continue;
            }
            if (words.length == 1 && words[0].equals("0")) {
                ended = true;
                continue;
            }
            ballotsStarted = true;
            ballots.add(new Pending(lineNumber, words));
        }

        List<RankedBallot> parsed = new ArrayList<>(ballots.size());
        for (Pending ballot : ballots) {
            parsed.add(ballot(ballot.words(), ballot.line(), nicknames, candidateCount));
        }

        List<String> names = new ArrayList<>(candidateCount);
        Map<String, Integer> nameLines = new HashMap<>();
        for (int i = 0; i < candidateCount; i++) {
            String raw = nextContentLine("the name of candidate " + (i + 1) + " of " + candidateCount);
            String name = unquote(raw, next);
            if (name.isBlank()) {
                throw error(next, "candidate " + (i + 1) + " has a blank name");
            }
            Integer earlier = nameLines.putIfAbsent(name, next);
            if (earlier != null) {
                throw error(next, "candidate name \"" + name + "\" is already used on line " + earlier);
            }
            names.add(name);
        }
        String title = unquote(nextContentLine("the election title after the candidate names"), next);
        while (next < lines.size()) {
            if (!lines.get(next).isBlank()) {
                throw error(next + 1, "unexpected text after the election title: \"" + lines.get(next).strip() + "\"");
            }
            next++;
        }

        List<Integer> tieOrder = null;
        if (tieNames != null) {
            tieOrder = new ArrayList<>();
            for (String nick : tieNames) {
                int candidate = candidateByNickname(nicknames, nick, tieLine, candidateCount);
                if (tieOrder.contains(candidate)) {
                    throw error(tieLine, "[tie] lists " + nick + " twice");
                }
                tieOrder.add(candidate);
            }
            if (tieOrder.size() != candidateCount) {
                throw error(tieLine, "[tie] must list all " + candidateCount + " candidates, it lists " + tieOrder.size());
            }
        }
        return new Contest(title, seats, names, withdrawn, parsed, tieOrder);
    }

    private record Pending(int line, String[] words) {}

    private static RankedBallot ballot(String[] words, int line, List<String> nicknames, int candidateCount) {
        long weight;
        try {
            weight = Long.parseLong(words[0]);
        } catch (NumberFormatException e) {
            throw error(line, "a ballot must start with its weight (a whole number of papers), found \"" + words[0] + "\"");
        }
        if (weight <= 0) {
            throw error(line, "a ballot's weight must be a positive whole number, found " + words[0]);
        }
        if (words.length < 2 || !words[words.length - 1].equals("0")) {
            throw error(line, "a ballot must end with 0");
        }
        List<List<Integer>> ranks = new ArrayList<>();
        Set<Integer> seen = new LinkedHashSet<>();
        for (int w = 1; w < words.length - 1; w++) {
            String word = words[w];
            if (word.startsWith("=") || word.endsWith("=") || word.contains("==")) {
                throw error(line, "\"" + word + "\": \"=\" must join two candidates");
            }
            List<Integer> rank = new ArrayList<>();
            for (String part : word.split("=")) {
                int candidate;
                if (nicknames != null && !isNumber(part)) {
                    candidate = candidateByNickname(nicknames, part, line, candidateCount);
                } else {
                    int number = parseInt(part, line, "preference");
                    if (number == 0) {
                        throw error(line, "0 ends a ballot, so it cannot appear before the last preference");
                    }
                    candidate = candidateNumber(number, line, candidateCount);
                }
                if (!seen.add(candidate)) {
                    throw error(line, "candidate " + (candidate + 1) + " is ranked more than once");
                }
                rank.add(candidate);
            }
            ranks.add(rank);
        }
        return new RankedBallot(weight, ranks);
    }

    private static boolean isNumber(String word) {
        return !word.isEmpty() && word.chars().allMatch(ch -> ch >= '0' && ch <= '9');
    }

    private static int candidateByNickname(List<String> nicknames, String nick, int line, int candidateCount) {
        if (nicknames == null) {
            if (isNumber(nick)) {
                return candidateNumber(parseInt(nick, line, "candidate"), line, candidateCount);
            }
            throw error(line, "\"" + nick + "\" is not a candidate number and no [nick] line names candidates");
        }
        int index = nicknames.indexOf(nick);
        if (index < 0) {
            throw error(line, "unknown candidate nickname \"" + nick + "\"");
        }
        return index;
    }

    private static int candidateNumber(int number, int line, int candidateCount) {
        if (number < 1 || number > candidateCount) {
            throw error(line, "there is no candidate " + number + " (candidates are numbered 1 to " + candidateCount + ")");
        }
        return number - 1;
    }

    private static int positiveInt(String word, int line, String what) {
        int value = parseInt(word, line, what);
        if (value < 1) {
            throw error(line, "the " + what + " must be at least 1, found " + word);
        }
        return value;
    }

    private static int parseInt(String word, int line, String what) {
        try {
            return Integer.parseInt(word);
        } catch (NumberFormatException e) {
            throw error(line, "expected a whole number for the " + what + ", found \"" + word + "\"");
        }
    }

    private static String unquote(String text, int line) {
        if (!text.startsWith("\"")) {
            return text;
        }
        if (text.length() < 2 || !text.endsWith("\"")) {
            throw error(line, "quoted text has no closing quote: " + text);
        }
        return text.substring(1, text.length() - 1);
    }

    /** The next non-blank line, stripped; {@link #next} is then its 1-based line number. */
    private String nextContentLine(String expected) {
        while (next < lines.size()) {
            String line = lines.get(next++).strip();
            if (!line.isEmpty()) {
                return line;
            }
        }
        throw error(lines.size() + 1, "the file ended where " + expected + " was expected");
    }

    private static String[] tokens(String line) {
        return line.strip().split("\\s+");
    }

    private static BltFormatException error(int line, String problem) {
        return new BltFormatException(line, problem);
    }
}
