package coop.cooperage.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.design.JRJdk13Compiler;
import net.sf.jasperreports.engine.util.JRSaver;

/**
 * Compiles every {@code reports/**}{@code /*.jrxml} into {@code target/classes/reports/**}{@code /*.jasper} during the
 * Maven build, so the WAR ships ready-to-fill reports and Payara never needs a Java compiler for them.
 *
 * <p>There is no JasperReports 7 Maven plugin, so the pom runs this file with exec-maven-plugin at
 * {@code process-classes}, in a forked JVM started in single-file source mode with the project's runtime classpath.
 * The fork matters: JasperReports compiles report expressions with the JDK's javac against {@code java.class.path},
 * which inside Maven's own JVM would not contain JasperReports.
 *
 * <p>This class is build tooling only: it lives outside {@code src/main} and never reaches the WAR.
 *
 * <p>Arguments: the source folder ({@code reports}) and the output folder ({@code target/classes/reports}). Exits 1,
 * failing the build, if any report does not compile; every failure is listed, not just the first.
 */
public final class CompileReports {

    private CompileReports() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: CompileReports <jrxml source folder> <jasper output folder>");
            System.exit(2);
        }
        Path sources = Path.of(args[0]).toAbsolutePath().normalize();
        Path outputs = Path.of(args[1]).toAbsolutePath().normalize();

        List<Path> jrxmls = findReports(sources);
        Set<Path> expected = new HashSet<>();
        List<String> failures = new ArrayList<>();
        int compiled = 0;

        Path scratch = Files.createTempDirectory("cooperage-jrxml-");
        try {
            DefaultJasperReportsContext context = DefaultJasperReportsContext.getInstance();
            // javac from the JDK, pinned: the compiler class is recorded in the .jasper and instantiated again at fill
            // time, so a report compiled with JDT would need jasperreports-jdt in the WAR.
            context.setProperty("net.sf.jasperreports.compiler.java", JRJdk13Compiler.class.getName());
            // Generated expression sources go to a scratch folder, not the working directory.
            context.setProperty("net.sf.jasperreports.compiler.temp.dir", scratch.toString());

            for (Path jrxml : jrxmls) {
                Path relative = sources.relativize(jrxml);
                Path jasper = outputs.resolve(withExtension(relative, ".jasper"));
                expected.add(jasper);
                if (isUpToDate(jrxml, jasper)) {
                    continue;
                }
                try {
                    compile(jrxml, jasper, scratch);
                    compiled++;
                } catch (Exception e) {
                    Files.deleteIfExists(jasper);
                    failures.add(slashes(sources.getFileName().resolve(relative)) + ": " + describe(e));
                }
            }
            removeOrphans(outputs, expected);
        } finally {
            deleteRecursively(scratch);
        }

        if (!failures.isEmpty()) {
            System.err.println("[reports] " + failures.size() + " of " + jrxmls.size() + " report(s) failed to compile:");
            failures.forEach(f -> System.err.println("[reports]   " + f));
            System.exit(1);
        }
        if (compiled > 0) {
            System.out.println("[reports] compiled " + compiled + " of " + jrxmls.size() + " report(s) into " + outputs);
        }
    }

    private static List<Path> findReports(Path sources) throws IOException {
        if (!Files.isDirectory(sources)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".jrxml"))
                    .sorted()
                    .toList();
        }
    }

    /** A .jasper newer than its source is kept; {@code mvn clean} forces a full recompile. */
    private static boolean isUpToDate(Path jrxml, Path jasper) throws IOException {
        if (!Files.exists(jasper)) {
            return false;
        }
        FileTime source = Files.getLastModifiedTime(jrxml);
        return Files.getLastModifiedTime(jasper).compareTo(source) >= 0;
    }

    private static void compile(Path jrxml, Path jasper, Path scratch) throws Exception {
        JasperReport report;
        try (InputStream in = Files.newInputStream(jrxml)) {
            report = JasperCompileManager.compileReport(in);
        }
        // The report name becomes the expression class name and what people search for; keep it the file's name.
        String expectedName = stripExtension(jrxml.getFileName().toString());
        if (!expectedName.equals(report.getName())) {
            throw new IllegalStateException("the report is named \"" + report.getName()
                    + "\" but its file is " + jrxml.getFileName() + "; name=\"" + expectedName + "\" is expected");
        }
        // Written aside and moved into place, so an interrupted build never leaves a truncated .jasper that looks
        // up to date.
        Files.createDirectories(jasper.getParent());
        Path partial = scratch.resolve(jasper.getFileName() + ".partial");
        try (OutputStream out = Files.newOutputStream(partial)) {
            JRSaver.saveObject(report, out);
        }
        Files.move(partial, jasper, StandardCopyOption.REPLACE_EXISTING);
    }

    /** A report deleted or renamed in reports/ must not live on in the WAR from an earlier build. */
    private static void removeOrphans(Path outputs, Set<Path> expected) throws IOException {
        if (!Files.isDirectory(outputs)) {
            return;
        }
        try (Stream<Path> files = Files.walk(outputs)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".jasper")).toList()) {
                if (!expected.contains(file)) {
                    Files.delete(file);
                }
            }
        }
    }

    private static String describe(Throwable e) {
        StringBuilder message = new StringBuilder(String.valueOf(e.getMessage()).strip());
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !message.toString().contains(cause.getMessage())) {
                message.append(System.lineSeparator()).append("      caused by: ").append(cause.getMessage().strip());
            }
        }
        return message.toString();
    }

    private static Path withExtension(Path relative, String extension) {
        String name = stripExtension(relative.getFileName().toString()) + extension;
        Path parent = relative.getParent();
        return parent == null ? Path.of(name) : parent.resolve(name);
    }

    private static String stripExtension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? fileName : fileName.substring(0, dot);
    }

    private static String slashes(Path path) {
        return path.toString().replace('\\', '/');
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
