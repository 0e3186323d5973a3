package coop.cooperage.members.control;

import coop.cooperage.members.entity.RegisterEntry;
import coop.cooperage.reporting.control.ReportRenderer;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * Renders the register of a large society (50,000 members by default) to PDF, XLSX and CSV, and prints for each the
 * time taken, the peak heap in use while it ran and the size of the file. Run it with a small heap to show that
 * memory stays bounded however many members there are (the rows are generated as they are read, never held in a
 * list):
 *
 * <pre>
 * mvn -q test-compile
 * mvn -q exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-Xmx256m -cp %classpath coop.cooperage.members.control.RegisterPdfBenchmark 50000 target/register-benchmark"
 * </pre>
 *
 * Two commands, not one: {@code -Dexec.args} would also replace the arguments of the build's own exec execution
 * that compiles the reports during {@code test-compile}.
 *
 * Arguments, both optional: the number of members (50000) and the folder to write the files to (a new temporary
 * folder, deleted at the end; a folder given is kept, to look at the output). Not a test: it asserts nothing and
 * its times depend on the machine. The heap figure is sampled every 10 ms, so it is the high-water mark of live and
 * not-yet-collected objects, an upper bound on what the render needs.
 */
public final class RegisterPdfBenchmark {

    private RegisterPdfBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int members = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        boolean keep = args.length > 1;
        Path folder = keep ? Files.createDirectories(Path.of(args[1])) : Files.createTempDirectory("register-benchmark");

        RegisterDocuments documents = new RegisterDocuments(new ReportRenderer());
        RegisterHeader header = new RegisterHeader("Afon Teifi Community Energy Ltd", "31452R",
                "Yr Hen Ysgol, Heol y Bont, Llandysul SA44 4AB", "#00703c", LocalDate.of(2026, 3, 31), Instant.now());

        long maxHeap = Runtime.getRuntime().maxMemory();
        System.out.printf(Locale.UK, "Register of %,d members; max heap %s; %s%n", members, mib(maxHeap),
                System.getProperty("java.version"));
        // A small render first, so that loading classes and compiling the hot paths is not counted in the figures.
        run("warm-up", 500, folder.resolve("warm-up.pdf"), (rows, out) -> documents.pdf(header, rows, out));

        run("PDF ", members, folder.resolve("register.pdf"), (rows, out) -> documents.pdf(header, rows, out));
        run("XLSX", members, folder.resolve("register.xlsx"), documents::xlsx);
        run("CSV ", members, folder.resolve("register.csv"), documents::csv);

        Files.delete(folder.resolve("warm-up.pdf"));
        if (!keep) {
            for (String name : new String[] {"register.pdf", "register.xlsx", "register.csv"}) {
                Files.delete(folder.resolve(name));
            }
            Files.delete(folder);
        } else {
            System.out.println("Files kept in " + folder.toAbsolutePath());
        }
    }

    private static void run(String what, int members, Path file,
            BiConsumer<Iterator<RegisterEntry>, OutputStream> render) throws Exception {
        System.gc();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(before);
        // a sampler every 10 ms on a scheduled executor: the benchmark's figure for peak heap
        var sampler = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "heap-sampler");
            t.setDaemon(true);
            return t;
        });
        sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max),
                0, 10, java.util.concurrent.TimeUnit.MILLISECONDS);

        long start = System.nanoTime();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024)) {
            render.accept(RegisterDocumentsTest.generated(members), out);
        }
        long elapsed = System.nanoTime() - start;
        sampler.shutdown();
        sampler.awaitTermination(1, java.util.concurrent.TimeUnit.SECONDS);
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);

        if (!what.equals("warm-up")) {
            System.out.printf(Locale.UK, "%s %,7d members: %6.1f s, peak heap used %s (%s before), file %s%n", what,
                    members, elapsed / 1e9, mib(peak.get()), mib(before), mib(Files.size(file)));
        }
    }

    private static String mib(long bytes) {
        return String.format(Locale.UK, "%,.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
