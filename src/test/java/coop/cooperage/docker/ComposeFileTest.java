package coop.cooperage.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * docker/compose.yaml is valid (docker-compose config checks syntax, keys and the ${...}
 * with the example env file) and refuses to start without its secrets. CI installs
 * docker-compose and sets CI=true, so there this test always runs.
 */
class ComposeFileTest {

    private static final Path COMPOSE = Path.of("docker/compose.yaml");

    private static boolean available() {
        return "true".equals(System.getenv("CI")) || Files.isExecutable(Path.of("/usr/bin/docker-compose"));
    }

    private static Result compose(String envFile) throws Exception {
        var command = new java.util.ArrayList<>(List.of("docker-compose"));
        if (envFile != null) {
            command.addAll(List.of("--env-file", envFile));
        }
        command.addAll(List.of("-f", COMPOSE.toString(), "config", "-q"));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes()));
    }

    record Result(int exit, String output) {
    }

    @Test
    void theComposeFileIsValidWithTheExampleSettings() throws Exception {
        assumeTrue(available(), "docker-compose is not installed (bash .ci/run installs it)");
        var result = compose("docker/cooperage.env.example");
        assertThat(result.exit()).as(result.output()).isZero();
    }

    @Test
    void itRefusesToStartWithoutItsSecrets() throws Exception {
        assumeTrue(available(), "docker-compose is not installed (bash .ci/run installs it)");
        Path empty = Files.createTempFile("empty", ".env");
        var result = compose(empty.toString());
        assertThat(result.exit()).isNotZero();
        assertThat(result.output()).contains("COOP_DB_PASSWORD");
    }
}
