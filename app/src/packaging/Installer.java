import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Builds the desktop installer of this system from the shaded jar, with a Java runtime of its own:
 * <ol>
 * <li>checks the system's packaging tools (Linux: dpkg-deb, fakeroot, objcopy; installs fakeroot and
 *     binutils with apt-get when it runs as root, or says what to install);</li>
 * <li>finds the JDK modules the jar needs (jdeps) and links a runtime of just those (jlink), with
 *     a class-data-sharing archive of the JDK's classes;</li>
 * <li>makes the app image (jpackage): a launcher, the jar and the runtime;</li>
 * <li>when a display is there (Xvfb on Linux), starts the app image once to the populated Portfolio
 *     and archives every JDK class that start loads, so later starts map them ready-made; on Linux
 *     the class list also goes into the package, whose postinst archives the app's classes too
 *     where they are installed (a Java 17 archive of class path classes serves only that path);</li>
 * <li>packages the image for the system: .deb on Linux (with our postinst and prerm, from
 *     {@code linux/}), .msi on Windows (WiX 3 on the PATH), .dmg and .pkg on macOS.</li>
 * </ol>
 * Runs as a source file with the JDK that builds the project ({@code ./mvnw -Pinstaller -DskipTests
 * package} runs it); everything it makes goes to OUT_DIR, its scratch work to WORK_DIR.
 *
 * <pre>java Installer.java --jar app/target/ftop.jar --version 1.0.0-SNAPSHOT --icons DIR --resources app/src/packaging
 *     --work WORK_DIR --out OUT_DIR</pre>
 */
public final class Installer {

    static final String NAME = "FTOP";
    static final String VENDOR = "FTOP Desktop";
    static final String DESCRIPTION = "FTOP Desktop: customer health for FastTrack Managers and Architects, offline first";
    /** Every release of the Windows installer upgrades the one before: the same upgrade code, always. */
    static final String WINDOWS_UPGRADE_UUID = "6c1f4d2a-7a7e-4c36-9a51-1f0d8e1b7c42";
    /**
     * Modules jdeps cannot see from the jar's classes but the app needs: elliptic-curve TLS for
     * HTTPS servers, the locale data for dates and numbers outside English, the character sets of
     * CSV files from other systems, and zip file systems (jar scanning of the libraries).
     */
    static final List<String> EXTRA_MODULES = List.of("jdk.crypto.ec", "jdk.localedata", "jdk.charsets", "jdk.zipfs");

    /** The classes a start loads (from the training run), shipped for the archive made at install. */
    static final String APP_CLASS_LIST = "ftop-classes.lst";
    /** The archive of the app's start classes, beside the class list; made where the app lies. */
    static final String APP_ARCHIVE = "ftop.jsa";

    private final Map<String, String> options;
    private final Os os = Os.current();

    private Installer(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        for (String required : List.of("jar", "version", "icons", "resources", "work", "out")) {
            if (!options.containsKey(required)) {
                fail("usage: java Installer.java --jar FTOP_JAR --version VERSION --icons DIR --resources DIR --work WORK_DIR"
                        + " --out OUT_DIR [--training yes|no|auto]");
            }
        }
        new Installer(options).build();
    }

    private void build() throws Exception {
        Path jar = Path.of(options.get("jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            fail("No " + jar + ": build it first (./mvnw -DskipTests package).");
        }
        String version = appVersion(options.get("version"));
        Path work = recreate(Path.of(options.get("work")).toAbsolutePath());
        Path out = recreate(Path.of(options.get("out")).toAbsolutePath());
        Path icons = Path.of(options.get("icons")).toAbsolutePath();
        Path resources = Path.of(options.get("resources")).toAbsolutePath();

        checkPackagingTools();

        Path input = Files.createDirectories(work.resolve("input"));
        Files.copy(jar, input.resolve("ftop.jar"));
        TreeSet<String> modules = new TreeSet<>(Arrays.asList(run("jdeps", "--print-module-deps", "--ignore-missing-deps",
                "--multi-release", "17", jar.toString()).strip().split(",")));
        modules.addAll(EXTRA_MODULES);
        if (os == Os.WINDOWS) {
            // the Windows certificate store (Windows-ROOT), which the desktop trusts besides Java's
            modules.add("jdk.crypto.mscapi");
        }
        say("Java modules: " + String.join(",", modules));
        Path runtime = work.resolve("runtime");
        // the runtime keeps its java launcher: the class-data-sharing archive is made with it
        run("jlink", "--add-modules", String.join(",", modules), "--strip-debug", "--no-man-pages",
                "--no-header-files", "--compress=2", "--generate-cds-archive", "--output", runtime.toString());

        Path images = work.resolve("image");
        List<String> image = new ArrayList<>(List.of("--type", "app-image", "--name", NAME, "--app-version", version,
                "--vendor", VENDOR, "--description", DESCRIPTION, "--input", input.toString(), "--main-jar", "ftop.jar",
                "--main-class", "ftop.app.Launcher", "--runtime-image", runtime.toString(),
                "--icon", icons.resolve(os.icon()).toString(), "--dest", images.toString()));
        if (os == Os.MAC) {
            image.addAll(List.of("--mac-package-identifier", "ftop.desktop", "--mac-package-name", NAME));
        }
        run("jpackage", image.toArray(String[]::new));
        Path appImage = images.resolve(os == Os.MAC ? NAME + ".app" : NAME);

        Path classList = archiveStartClasses(appImage, work);
        if (os == Os.LINUX && classList != null) {
            useAppClassArchive(appImage, classList);
        }

        List<String> packaging = new ArrayList<>(List.of("--app-image", appImage.toString(), "--name", NAME,
                "--app-version", version, "--vendor", VENDOR, "--description", DESCRIPTION, "--dest", out.toString()));
        switch (os) {
            case LINUX -> {
                // our postinst and prerm: jpackage's stop the install where the system has no menu folders
                packaging.addAll(List.of("--resource-dir", resources.resolve("linux").toString()));
                packaging.addAll(List.of("--icon", icons.resolve(os.icon()).toString(), "--linux-package-name", "ftop",
                        "--linux-shortcut", "--linux-menu-group", "Office", "--linux-app-category", "office",
                        "--linux-deb-maintainer", "support@ftop.invalid"));
                run("jpackage", with(packaging, "--type", "deb"));
            }
            case WINDOWS -> {
                packaging.addAll(List.of("--win-menu", "--win-menu-group", NAME, "--win-shortcut", "--win-dir-chooser",
                        "--win-upgrade-uuid", WINDOWS_UPGRADE_UUID));
                run("jpackage", with(packaging, "--type", "msi"));
            }
            case MAC -> {
                packaging.addAll(List.of("--mac-package-identifier", "ftop.desktop", "--mac-package-name", NAME));
                run("jpackage", with(packaging, "--type", "dmg"));
                run("jpackage", with(packaging, "--type", "pkg"));
            }
        }
        // the app image beside the package: runs where it is, without installing
        Path outImage = out.resolve(appImage.getFileName());
        copyTree(appImage, outImage);
        if (os == Os.LINUX && classList != null) {
            // its archive of the app's classes is made where it now lies (and serves only there)
            dumpAppClassArchive(javaOf(outImage), outImage.resolve("lib"));
        }

        say("Made in " + out + ":");
        try (Stream<Path> made = Files.list(out)) {
            for (Path file : made.sorted().toList()) {
                say(String.format(Locale.ROOT, "  %-40s %6.1f MB", file.getFileName(), size(file) / 1_000_000.0));
            }
        }
    }

    /**
     * Starts the app image once to the populated Portfolio, recording the JDK classes it loads,
     * and makes the runtime's class-data-sharing archive of them (it replaces the one jlink made,
     * which holds only the JDK's usual start-up classes). The app's own classes stay out of it: a
     * Java 17 archive of class path classes only serves the jar at the path and time it was made
     * with, so that one is made where the app is installed (see {@link #useAppClassArchive}).
     *
     * @return the class list of the training run; null when there was none
     */
    private Path archiveStartClasses(Path appImage, Path work) throws Exception {
        String training = options.getOrDefault("training", "auto");
        List<String> display = os == Os.LINUX && System.getenv("DISPLAY") == null
                ? onPath("xvfb-run") ? List.of("xvfb-run", "-a", "-s", "-screen 0 1600x1000x24") : null
                : List.of();
        if (training.equals("no") || (display == null && training.equals("auto"))) {
            say("No start-up training run (no display; on Linux install xvfb for it): the runtime keeps jlink's archive.");
            return null;
        }
        if (display == null) {
            fail("The start-up training run needs a display: install xvfb (apt-get install -y xvfb) or set DISPLAY.");
        }
        Path classList = work.resolve("classes.lst");
        List<String> command = new ArrayList<>(display);
        command.addAll(List.of(launcher(appImage).toString(), "--home", work.resolve("training").toString(),
                "--exit-when-ready"));
        ProcessBuilder start = new ProcessBuilder(command).inheritIO();
        start.environment().put("JAVA_TOOL_OPTIONS", "-XX:DumpLoadedClassList=" + classList);
        say("Training run: " + String.join(" ", command));
        Process process = start.start();
        String problem = null;
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            problem = "The training run did not reach the Portfolio within 10 minutes.";
        } else if (process.exitValue() != 0 || !Files.isRegularFile(classList)) {
            problem = "The training run failed (exit code " + process.exitValue() + ").";
        }
        if (problem != null && training.equals("yes")) {
            fail(problem);
        } else if (problem != null) {
            // a build machine whose display does not let the window open still gets its installer
            say(problem + " The runtime keeps jlink's archive.");
            return null;
        }
        Path java = javaOf(appImage);
        Path archive = java.getParent().getParent().resolve("lib").resolve("server").resolve("classes.jsa");
        // the list names the app's classes too, which a dump without the class path skips: errors only
        int code = exec(List.of(java.toString(), "-Xshare:dump", "-XX:SharedClassListFile=" + classList,
                "-XX:SharedArchiveFile=" + archive, "-Xlog:all=error"));
        if (code != 0) {
            fail("The class-data-sharing archive could not be made (exit code " + code + ").");
        }
        // jlink's archive for heaps over 32 GB (no compressed pointers): not a laptop's, and 10 MB
        Files.deleteIfExists(archive.resolveSibling("classes_nocoops.jsa"));
        say("Class-data-sharing archive of the start's JDK classes: " + archive);
        return classList;
    }

    /**
     * Linux: the launcher also maps an archive of the app's own classes, {@code lib/ftop.jsa}, made
     * from the training run's class list where the app is installed (the package's postinst runs
     * {@link #dumpAppClassArchive}'s command; Java 17 ties such an archive to the jar's path and
     * time). Where the archive is missing or does not match, the JVM starts without one.
     */
    private void useAppClassArchive(Path appImage, Path classList) throws IOException {
        Files.copy(classList, appImage.resolve("lib").resolve(APP_CLASS_LIST));
        Path cfg = appImage.resolve("lib").resolve("app").resolve(NAME + ".cfg");
        String text = Files.readString(cfg);
        if (!text.contains("[JavaOptions]")) {
            fail(cfg + " has no [JavaOptions] section: this jpackage writes its launcher settings differently.");
        }
        Files.writeString(cfg, text.replace("[JavaOptions]",
                "[JavaOptions]\njava-options=-XX:SharedArchiveFile=$APPDIR/../" + APP_ARCHIVE));
    }

    /** The archive of JDK and app classes of a Linux app image, made in {@code lib} beside its class list. */
    private static void dumpAppClassArchive(Path java, Path lib) throws Exception {
        Path archive = lib.resolve(APP_ARCHIVE);
        int code = exec(List.of(java.toString(), "-Xshare:dump", "-XX:SharedClassListFile=" + lib.resolve(APP_CLASS_LIST),
                "-XX:SharedArchiveFile=" + archive, "-cp", lib.resolve("app").resolve("ftop.jar").toString(),
                "-Xlog:all=error"));
        if (code != 0) {
            fail("The archive of the app's classes could not be made (exit code " + code + ").");
        }
        say("Class-data-sharing archive of the JDK's and the app's start classes: " + archive);
    }

    /** Linux: dpkg-deb and fakeroot make the .deb, objcopy strips the runtime's native libraries. */
    private void checkPackagingTools() throws Exception {
        if (os != Os.LINUX) {
            if (os == Os.WINDOWS && !onPath("candle.exe") && !onPath("candle")) {
                fail("jpackage needs the WiX Toolset 3 (candle.exe, light.exe) on the PATH to build the .msi: "
                        + "install it (e.g. choco install wixtoolset) and add its bin folder to the PATH.");
            }
            return;
        }
        List<String> missing = Stream.of("dpkg-deb", "fakeroot", "objcopy").filter(t -> !onPath(t)).toList();
        if (missing.isEmpty()) {
            return;
        }
        String install = "apt-get install -y fakeroot binutils";
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root && onPath("apt-get")) {
            say("Missing " + String.join(", ", missing) + ": " + install);
            if (exec(List.of("apt-get", "install", "-y", "fakeroot", "binutils")) != 0) {
                // a machine that never fetched the package lists
                exec(List.of("apt-get", "update"));
                exec(List.of("apt-get", "install", "-y", "fakeroot", "binutils"));
            }
            missing = missing.stream().filter(t -> !onPath(t)).toList();
        }
        if (!missing.isEmpty()) {
            fail("jpackage needs " + String.join(", ", missing) + " to build the .deb. Install them with: sudo "
                    + install + (onPath("dpkg-deb") ? "" : " (and dpkg for dpkg-deb)"));
        }
    }

    /** jpackage takes a version of numbers only: 1.0.0-SNAPSHOT is 1.0.0. */
    static String appVersion(String projectVersion) {
        String numbers = projectVersion.replaceFirst("-.*$", "");
        if (!numbers.matches("\\d+(\\.\\d+){0,2}")) {
            fail("The project version " + projectVersion + " does not start with numbers like 1.2.3.");
        }
        return numbers;
    }

    private Path launcher(Path appImage) {
        return switch (os) {
            case LINUX -> appImage.resolve("bin").resolve(NAME);
            case WINDOWS -> appImage.resolve(NAME + ".exe");
            case MAC -> appImage.resolve("Contents").resolve("MacOS").resolve(NAME);
        };
    }

    private Path javaOf(Path appImage) {
        return switch (os) {
            case LINUX -> appImage.resolve("lib/runtime/bin/java");
            case WINDOWS -> appImage.resolve("runtime/bin/java.exe");
            case MAC -> appImage.resolve("Contents/runtime/Contents/Home/bin/java");
        };
    }

    /** Runs a JDK tool in this JVM and returns what it printed; fails the build when it fails. */
    private static String run(String tool, String... args) {
        ToolProvider provider = ToolProvider.findFirst(tool)
                .orElseThrow(() -> new IllegalStateException("This JDK has no " + tool + ": build with a full JDK 17 or newer."));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        say(tool + " " + String.join(" ", args));
        int code = provider.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        System.out.print(tool.equals("jdeps") ? "" : out);
        System.err.print(err);
        if (code != 0) {
            fail(tool + " failed (exit code " + code + ")" + (tool.equals("jdeps") ? ": " + out : ""));
        }
        return out.toString();
    }

    private static String[] with(List<String> options, String... more) {
        List<String> all = new ArrayList<>(options);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private static int exec(List<String> command) throws IOException, InterruptedException {
        say(String.join(" ", command));
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> !dir.isBlank() && Files.isExecutable(Path.of(dir, program)));
    }

    private static Path recreate(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(dir);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isSymbolicLink(p)) {
                    Files.createSymbolicLink(target, Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static long size(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return Files.size(path);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void say(String line) {
        System.out.println("[installer] " + line);
    }

    private static void fail(String message) {
        System.err.println("[installer] " + message);
        System.exit(1);
    }

    enum Os {
        LINUX, WINDOWS, MAC;

        static Os current() {
            String name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
            return name.startsWith("windows") ? WINDOWS : name.startsWith("mac") ? MAC : LINUX;
        }

        String icon() {
            return switch (this) {
                case LINUX -> "ftop.png";
                case WINDOWS -> "ftop.ico";
                case MAC -> "ftop.icns";
            };
        }
    }
}
