package coop.cooperage.payments.control;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The shared sample files, found beside the clone as CI lays them out. Missing data fails the
 * test: a skipped test would report green for parsing nothing.
 */
final class SharedTestData {

    private SharedTestData() {
    }

    static Path root() {
        Path root = Paths.get(System.getProperty("user.dir")).resolve("../shared/testdata").normalize();
        if (!Files.isDirectory(root)) {
            fail("Shared test data is missing: expected the directory " + root
                    + " (CI puts shared/ beside the clone)");
        }
        return root;
    }

    static Path file(String relative) {
        Path file = root().resolve(relative);
        if (!Files.isRegularFile(file)) {
            fail("Shared test data file is missing: " + file);
        }
        return file;
    }

    static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(file(relative));
        } catch (IOException e) {
            throw new AssertionError("Cannot read " + relative, e);
        }
    }

    static JsonObject json(String relative) {
        try (Reader in = Files.newBufferedReader(file(relative), StandardCharsets.UTF_8);
                JsonReader reader = Json.createReader(in)) {
            return reader.readObject();
        } catch (IOException e) {
            throw new AssertionError("Cannot read " + relative, e);
        }
    }
}
