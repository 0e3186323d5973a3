package coop.cooperage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md: "A component uses another only through that component's control or entity classes,
 * never its boundary. No cycles between components." This reads every source file under
 * src/main/java, takes every reference to a {@code coop.cooperage.<component>.<layer>} name outside
 * comments and string literals (imports and fully qualified names alike), and checks both rules,
 * so that a new dependency that breaks them fails the build instead of waiting for a review.
 *
 * <p>One exception: boundaries may use {@code platform.boundary}, the shared web plumbing every
 * page is built from ({@code Page}, {@code FormInput}, {@code Flash}, {@code Option}); it owns no
 * business and depends on no component.
 */
class ComponentDependenciesTest {

    static final Path SOURCES = Path.of("src/main/java/coop/cooperage");

    /** A qualified reference to a component's package. */
    static final Pattern REFERENCE = Pattern.compile("\\bcoop\\.cooperage\\.([a-z]+)\\.([A-Za-z_]+)");

    record Use(String fromFile, String fromComponent, String fromLayer, String toComponent, String toLayer) {
        @Override
        public String toString() {
            return fromFile + " uses " + toComponent + "." + toLayer;
        }
    }

    @Test
    void noComponentUsesAnotherComponentsBoundary() {
        List<String> offences = uses().stream()
                .filter(u -> u.toLayer().equals("boundary"))
                .filter(u -> !(u.toComponent().equals("platform") && u.fromLayer().equals("boundary")))
                .map(Use::toString).toList();
        assertThat(offences).as("uses of another component's boundary").isEmpty();
    }

    @Test
    void noCyclesBetweenComponents() {
        Map<String, Set<String>> graph = new TreeMap<>();
        Map<String, String> example = new TreeMap<>();
        for (Use u : uses()) {
            graph.computeIfAbsent(u.fromComponent(), k -> new TreeSet<>()).add(u.toComponent());
            example.putIfAbsent(u.fromComponent() + "->" + u.toComponent(), u.fromFile());
        }
        List<String> cycles = new ArrayList<>();
        for (List<String> component : stronglyConnected(graph)) {
            if (component.size() > 1) {
                var edges = new ArrayList<String>();
                for (String a : component) {
                    for (String b : graph.getOrDefault(a, Set.of())) {
                        if (component.contains(b)) {
                            edges.add(a + " -> " + b + " (e.g. " + example.get(a + "->" + b) + ")");
                        }
                    }
                }
                cycles.add(String.join(", ", component) + ": " + String.join("; ", edges));
            }
        }
        assertThat(cycles).as("cycles between components").isEmpty();
    }

    @Test
    void theScannerSeesImportsAndQualifiedNamesButNotCommentsOrStrings() {
        String source = """
                package coop.cooperage.members.control;
                import coop.cooperage.shares.control.ShareLedger;
                // coop.cooperage.meetings.control.Meetings in a comment
                /* coop.cooperage.payments.control.PaymentRuns in a block comment */
                class X {
                    String s = "coop.cooperage.audit.control.AuditTrail";
                    coop.cooperage.society.entity.Society society;
                }
                """;
        assertThat(references(source)).containsExactlyInAnyOrder("members.control", "shares.control", "society.entity");
    }

    @Test
    void tarjanFindsACycleAndLeavesAChainAlone() {
        var graph = Map.<String, Set<String>>of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a", "d"), "d", Set.of());
        List<List<String>> components = stronglyConnected(graph);
        assertThat(components).anySatisfy(c -> assertThat(c).containsExactlyInAnyOrder("a", "b", "c"));
        assertThat(components).anySatisfy(c -> assertThat(c).containsExactly("d"));
    }

    static List<Use> uses() {
        assertThat(SOURCES).isDirectory();
        var result = new ArrayList<Use>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = SOURCES.relativize(file);
                String component = relative.getName(0).toString();
                String layer = relative.getNameCount() > 2 ? relative.getName(1).toString() : "";
                for (String ref : references(Files.readString(file))) {
                    String[] parts = ref.split("\\.");
                    if (!parts[0].equals(component) && Files.isDirectory(SOURCES.resolve(parts[0]))) {
                        result.add(new Use(relative.toString(), component, layer, parts[0], parts[1]));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(result).as("the scanner found the components' uses of each other").isNotEmpty();
        return result;
    }

    /** "component.layer" for every qualified reference outside comments and string literals. */
    static Set<String> references(String source) {
        String code = stripCommentsAndStrings(source);
        var found = new TreeSet<String>();
        Matcher m = REFERENCE.matcher(code);
        while (m.find()) {
            found.add(m.group(1) + "." + m.group(2));
        }
        return found;
    }

    static String stripCommentsAndStrings(String s) {
        var out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            if (s.startsWith("//", i)) {
                while (i < s.length() && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                i = end < 0 ? s.length() : end + 2;
            } else if (s.startsWith("\"\"\"", i)) {
                int end = s.indexOf("\"\"\"", i + 3);
                i = end < 0 ? s.length() : end + 3;
                out.append("\"\"");
            } else if (s.charAt(i) == '"' || s.charAt(i) == '\'') {
                char quote = s.charAt(i++);
                while (i < s.length() && s.charAt(i) != quote) {
                    i += s.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
                out.append(quote).append(quote);
            } else {
                out.append(s.charAt(i++));
            }
        }
        return out.toString();
    }

    /** Tarjan's strongly connected components. */
    static List<List<String>> stronglyConnected(Map<String, Set<String>> graph) {
        var nodes = new TreeSet<String>(graph.keySet());
        graph.values().forEach(nodes::addAll);
        var state = new Object() {
            int index = 0;
            final Map<String, Integer> indices = new TreeMap<>();
            final Map<String, Integer> low = new TreeMap<>();
            final java.util.Deque<String> stack = new java.util.ArrayDeque<>();
            final Set<String> onStack = new TreeSet<>();
            final List<List<String>> result = new ArrayList<>();

            void visit(String v) {
                indices.put(v, index);
                low.put(v, index);
                index++;
                stack.push(v);
                onStack.add(v);
                for (String w : graph.getOrDefault(v, Set.of())) {
                    if (!indices.containsKey(w)) {
                        visit(w);
                        low.put(v, Math.min(low.get(v), low.get(w)));
                    } else if (onStack.contains(w)) {
                        low.put(v, Math.min(low.get(v), indices.get(w)));
                    }
                }
                if (low.get(v).equals(indices.get(v))) {
                    var component = new ArrayList<String>();
                    String w;
                    do {
                        w = stack.pop();
                        onStack.remove(w);
                        component.add(w);
                    } while (!w.equals(v));
                    result.add(component);
                }
            }
        };
        for (String v : nodes) {
            if (!state.indices.containsKey(v)) {
                state.visit(v);
            }
        }
        return state.result;
    }
}
