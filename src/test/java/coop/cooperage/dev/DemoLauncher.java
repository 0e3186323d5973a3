package coop.cooperage.dev;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The first README command: an embedded MariaDB with its data in .cooperage/db, and Payara
 * Micro serving Cooperage at http://localhost:8080 with the demo society. Ctrl-C stops both.
 * Run through Maven: mvn -Pdemo (see pom.xml). Set COOP_RESET=true to start from scratch.
 */
public final class DemoLauncher {

    /** -Dcoop.demo.db.port and -Dcoop.demo.port let a second checkout run its own demo beside another (benchmarks). */
    static final int DB_PORT = Integer.getInteger("coop.demo.db.port", 3307);
    static final int PORT = Integer.getInteger("coop.demo.port", 8080);

    private DemoLauncher() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("coop.root", ".")).toAbsolutePath().normalize();
        File war = root.resolve("target/cooperage.war").toFile();
        File micro = root.resolve("target/payara-micro.jar").toFile();
        if (!war.isFile() || !micro.isFile()) {
            throw new IllegalStateException("Build first: " + war + " and " + micro + " are needed");
        }
        Path data = root.resolve(".cooperage/db");
        Files.createDirectories(data.getParent());
        System.out.println("Starting MariaDB on 127.0.0.1:" + DB_PORT + " with data in " + data);
        EmbeddedMariaDb db = EmbeddedMariaDb.start(DB_PORT, data.toFile(), "cooperage");

        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "-jar", micro.getPath(),
                "--deploy", war.getPath(), "--contextroot", "/",
                "--nocluster", "--port", Integer.toString(PORT),
                "--prebootcommandfile", root.resolve("target/test-classes/payara/loopback.asadmin").toString()));
        var builder = new ProcessBuilder(command).inheritIO();
        var env = builder.environment();
        env.put("COOP_DB_URL", db.jdbcUrl("cooperage"));
        env.put("COOP_DB_USER", EmbeddedMariaDb.USER);
        env.put("COOP_DB_PASSWORD", EmbeddedMariaDb.PASSWORD);
        env.putIfAbsent("COOP_DEMO", "true");
        env.putIfAbsent("COOP_ADMIN_EMAIL", "admin@cooperage.example");
        env.putIfAbsent("COOP_ADMIN_PASSWORD", "cooperage-demo");
        env.putIfAbsent("COOP_BASE_URL", "http://localhost:" + PORT);
        // the demo's bank details are made up; a real deployment sets its own random key
        env.putIfAbsent("COOP_DATA_KEY", "ZGVtby1vbmx5LWtleS1mb3ItYmFuay1kZXRhaWwtMzI=");
        Process payara = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            payara.destroy();
            try {
                payara.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            db.stop();
        }));
        System.out.println("Cooperage is starting at http://localhost:" + PORT + " (about 20 seconds). Press Ctrl-C to stop.");
        int exit = payara.waitFor();
        db.stop();
        System.exit(exit);
    }
}
