package coop.cooperage.meetings.control;

import coop.cooperage.reporting.control.ReportRenderer;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prints the notice of a meeting as letters for a large register (20,000 members by default), one
 * page each, and prints the time, the peak heap and the file size. The rows are generated as the
 * report reads them, as {@link NoticeLetters} reads them from the database in batches, so memory
 * stays bounded however many letters there are:
 *
 * <pre>
 * mvn -q test-compile
 * mvn -q exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-Xmx256m -cp %classpath coop.cooperage.meetings.control.NoticeLettersBenchmark 20000"
 * </pre>
 *
 * Not a test: it asserts nothing and its times depend on the machine.
 */
public final class NoticeLettersBenchmark {

    private NoticeLettersBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int letters = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        var parameters = Map.of("SOCIETY_NAME", "Afon Teifi Community Energy Ltd", "REGISTERED_OFFICE",
                "Yr Hen Ysgol, Heol y Bont, Llandysul SA44 4AB", "MEETING_TITLE", "Annual general meeting 2026",
                "LETTER_DATE", "2 December 2026", "BRAND_COLOUR", "#00703c", "GENERATED_AT", "2 December 2026 at 09:00");
        var renderer = new ReportRenderer();
        Path file = Files.createTempFile("notice-letters", ".pdf");
        render(renderer, parameters, 200, file); // warm-up
        var memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        var peak = new AtomicLong(before);
        var sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "heap-sampler");
            t.setDaemon(true);
            return t;
        });
        sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max), 0, 10,
                TimeUnit.MILLISECONDS);
        long start = System.nanoTime();
        render(renderer, parameters, letters, file);
        long elapsed = System.nanoTime() - start;
        sampler.shutdown();
        sampler.awaitTermination(1, TimeUnit.SECONDS);
        System.out.printf(Locale.UK, "Notice letters: %,d pages in %.1f s, peak heap used %.1f MiB (max %.0f MiB), file %.1f MiB%n",
                letters, elapsed / 1e9, peak.get() / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0,
                Files.size(file) / 1048576.0);
        Files.delete(file);
    }

    private static void render(ReportRenderer renderer, Map<String, String> parameters, int letters, Path file) throws Exception {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024)) {
            renderer.writePdf(NoticeLetters.REPORT, parameters, rows(letters), ReportRenderer.Fill.SWAP_TO_DISK, out);
        }
    }

    static Iterator<Map<String, String>> rows(int count) {
        return new Iterator<>() {
            private int n;

            @Override
            public boolean hasNext() {
                return n < count;
            }

            @Override
            public Map<String, String> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                n++;
                return Map.of("name", "Member " + n, "address", n + " Heol y Bont\nLlandysul", "memberNumber", String.valueOf(n),
                        "body", "Dear Member " + n + ",\n\nNotice is given that the annual general meeting of Afon Teifi Community"
                                + " Energy Ltd will be held on Thursday 9 July 2026 at 7:30 pm.\n\nPlace: Neuadd y Pentref\n\nAgenda\n"
                                + "1. Accounts\n2. Election of directors\n3. Interest rate\n\nMembers on the register at the end of"
                                + " 2 July 2026 may vote at the meeting.");
            }
        };
    }
}
