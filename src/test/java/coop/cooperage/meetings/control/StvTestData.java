package coop.cooperage.meetings.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shared STV test data with official results. CI puts {@code shared/} beside the clone, so
 * it is {@code ../shared/testdata/stv} from the Maven base directory. Missing data fails the
 * tests rather than skipping them: a green build must mean the official results were checked.
 */
final class StvTestData {

    private StvTestData() {}

    static Path root() {
        String base = System.getProperty("basedir", System.getProperty("user.dir"));
        Path root = Paths.get(base, "..", "shared", "testdata", "stv").normalize();
        assertThat(root).as("STV test data (expected beside the clone at ../shared/testdata/stv)").isDirectory();
        return root;
    }

    static List<Path> cases(String family) {
        Path dir = root().resolve(family);
        assertThat(dir).as("STV test data family " + family).isDirectory();
        try (Stream<Path> children = Files.list(dir)) {
            List<Path> cases = children.filter(Files::isDirectory).sorted().toList();
            assertThat(cases).as("test cases in " + dir).isNotEmpty();
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonObject json(Path file) {
        try (JsonReader reader = Json.createReader(Files.newBufferedReader(file))) {
            return reader.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
