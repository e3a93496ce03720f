package ftop.app.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Launches the app in a JVM of its own ({@code StartupBenchmark --launch}), with or without an
 * AppCDS archive of the classes a start loads, and reads back what the launch printed.
 *
 * <p>JDK 17 archives classes from jar files only, so the class path of this JVM is turned into
 * jars first (each folder of classes into one jar, in the same order); every launch, with the
 * archive or without, runs on that same class path. The archive is made by a training launch with
 * {@code -XX:ArchiveClassesAtExit} (a dynamic archive on top of the JDK's own), as the installed
 * app's is made by its package (see the README's "Install on laptops").
 */
final class ColdLaunch implements AutoCloseable {

    /** What one launch printed: from the app's start and from the process start to a populated Portfolio. */
    record Result(long appMillis, long processMillis, long cpuMillis, String steps) {
    }

    private final Path work;
    private final String classPath;
    private Path archive;

    private ColdLaunch(Path work, String classPath) {
        this.work = work;
        this.classPath = classPath;
    }

    /** This JVM's class path as jars, in a temporary folder removed by {@link #close}. */
    static ColdLaunch prepare() throws IOException {
        Path work = Files.createTempDirectory("ftop-cold-launch");
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry);
            if (Files.isDirectory(path)) {
                Path jar = work.resolve("classes-" + (n++) + ".jar");
                jar(path, jar);
                entries.add(jar.toString());
            } else if (Files.isRegularFile(path)) {
                entries.add(entry);
            }
        }
        return new ColdLaunch(work, String.join(java.io.File.pathSeparator, entries));
    }

    /**
     * The training launch: launches once on {@code dir} and archives every class it loaded (JDK
     * classes beyond the JDK's own archive, libraries and the app) when it exits.
     */
    void train(Path dir) throws Exception {
        Path made = work.resolve("app.jsa");
        run(dir, "plain", List.of("-XX:ArchiveClassesAtExit=" + made, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        if (!Files.isRegularFile(made)) {
            throw new IllegalStateException("The training launch made no class archive");
        }
        archive = made;
    }

    /** The size of the archive {@link #train} made, in MB. */
    double archiveMegabytes() throws IOException {
        return Files.size(archive) / 1e6;
    }

    /** One launch on {@code dir} ("plain" or "encrypted"), with the archive of {@link #train} or without. */
    Result launch(Path dir, String mode, boolean withArchive) throws Exception {
        return run(dir, mode, withArchive ? List.of("-XX:SharedArchiveFile=" + archive) : List.of());
    }

    private Result run(Path dir, String mode, List<String> options) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx2g", "-Dprism.text=t2k"));
        command.addAll(options);
        String jfr = System.getenv("STARTUP_JFR_DIR");
        if (jfr != null && !jfr.isBlank()) {
            command.add("-XX:StartFlightRecording:settings=profile,jdk.ExecutionSample#period=1ms,filename="
                    + Path.of(jfr).resolve(mode + (options.isEmpty() ? "" : "-archived") + "-"
                    + System.nanoTime() + ".jfr").toAbsolutePath());
        }
        command.addAll(List.of("-cp", classPath, StartupBenchmark.class.getName(), "--launch", dir.toString(), mode));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Long app = null;
        long since = -1;
        long cpu = -1;
        String steps = "";
        List<String> output = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                output.add(line);
                if (line.startsWith("LAUNCH ")) {
                    String[] parts = line.substring("LAUNCH ".length()).strip().split(" ");
                    app = Long.parseLong(parts[0]);
                    since = Long.parseLong(parts[1]);
                    cpu = Long.parseLong(parts[2]);
                } else if (line.startsWith("STEPS ")) {
                    steps = line.substring("STEPS ".length());
                }
            }
        }
        process.waitFor(5, TimeUnit.MINUTES);
        if (app == null) {
            throw new IllegalStateException("The " + mode + " launch printed no time:\n"
                    + output.stream().limit(40).collect(Collectors.joining("\n")));
        }
        return new Result(app, since, cpu, steps);
    }

    /** Median of each figure of {@code results}, as "app ms / process ms (CPU ms)". */
    static String medians(List<Result> results) {
        return String.format(Locale.US, "%,d ms from the app's start, %,d ms from the process start, %,d ms CPU",
                median(results.stream().map(Result::appMillis).toList()),
                median(results.stream().map(Result::processMillis).toList()),
                median(results.stream().map(Result::cpuMillis).toList()));
    }

    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static void jar(Path folder, Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(f -> !f.equals(folder)).sorted().toList()) {
                String name = folder.relativize(file).toString().replace('\\', '/');
                boolean isFolder = Files.isDirectory(file);
                out.putNextEntry(new JarEntry(isFolder ? name + "/" : name));
                if (!isFolder) {
                    Files.copy(file, (OutputStream) out);
                }
                out.closeEntry();
            }
        }
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
