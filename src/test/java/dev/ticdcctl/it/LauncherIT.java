package dev.ticdcctl.it;

import static dev.ticdcctl.it.Launches.TIMEOUT_SECONDS;
import static dev.ticdcctl.it.Launches.env;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ticdcctl.it.Jdks.Jdk;
import dev.ticdcctl.it.Launches.Result;
import dev.ticdcctl.testing.StubServer;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Smoke tests of the packaged CLI: {@code bin/ticdcctl} runs {@code target/ticdcctl.jar} as a separate process, the way
 * a user or a script runs it. The tests of what depends on the java version run on JDK 17 and on a newer JDK
 * ({@link Jdks}).
 */
class LauncherIT {
    private static final Path PROJECT = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
            .toAbsolutePath();
    private static final Path LAUNCHER = PROJECT.resolve("bin/ticdcctl");
    private static final Path JAR = PROJECT.resolve("target/ticdcctl.jar");
    private static final Path JAVA_HOME = Launches.JAVA_HOME;
    /** The version the build wrote into the jar (passed in by failsafe). */
    private static final String VERSION = System.getProperty("project.version", "unknown");

    private static final String LIST = """
            {"total":1,"items":[{"upstream_id":7390512345678901234,"namespace":"default","id":"cf-1",\
            "state":"normal","checkpoint_tso":450835120160243717,"checkpoint_time":"2024-07-01 10:05:00.123",\
            "error":null}]}""";

    private static final ObjectMapper STRICT_JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @TempDir
    Path tmp;

    private final List<Path> links = new ArrayList<>();

    /** Removes the symlinks first: JUnit warns when it deletes a link to a target outside the temporary directory. */
    @AfterEach
    void removeLinks() throws IOException {
        for (Path link : links) {
            Files.deleteIfExists(link);
        }
    }

    private Path symlink(Path link, Path target) throws IOException {
        links.add(Files.createSymbolicLink(link, target));
        return link;
    }

    private Result run(Path executable, Map<String, String> env, String... args) throws Exception {
        return Launches.run(tmp, executable, env, args);
    }

    private Result run(String... args) throws Exception {
        return run(LAUNCHER, Map.of(), args);
    }

    /** Runs {@code launcher} on {@code jdk} (through JAVA_HOME) with {@code env} added. */
    private Result run(Optional<Jdk> jdk, Path launcher, Map<String, String> env, String... args) throws Exception {
        Map<String, String> withJdk = new HashMap<>(env);
        withJdk.put("JAVA_HOME", Jdks.use(jdk).home().toString());
        return run(launcher, withJdk, args);
    }

    private static void assertVersion(Result r) {
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("ticdcctl " + VERSION + "\n", r.out(), r::toString);
        assertEquals("", r.err(), r::toString);
    }

    /** Exit 2, nothing on stdout and a single {@code Error:} line containing {@code text}. */
    private static void assertLauncherError(Result r, String text) {
        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(r.err().startsWith("Error: ") && r.err().contains(text), r::toString);
    }

    @ParameterizedTest
    @MethodSource("dev.ticdcctl.it.Jdks#both")
    void printsVersion(Optional<Jdk> jdk) throws Exception {
        assertVersion(run(jdk, LAUNCHER, Map.of(), "--version"));
    }

    @Test
    void jsonOutputIsTheServersBodyWithExactIntegers() throws Exception {
        try (StubServer server = new StubServer().on("GET", "/api/v2/changefeeds", 200, LIST)) {
            Result r = run("--server", server.url(), "changefeed", "list", "-o", "json");

            assertEquals(0, r.exitCode(), r::toString);
            assertEquals("", r.err(), r::toString);
            JsonNode printed = STRICT_JSON.readTree(r.out()); // fails on anything after the document
            assertEquals(STRICT_JSON.readTree(LIST), printed, r::toString);
            assertTrue(r.out().contains("450835120160243717") && r.out().contains("7390512345678901234"),
                    r::toString);
            assertEquals(1, server.requests().size(), server.requests()::toString);
            assertEquals("GET", server.requests().get(0).method());
        }
    }

    @ParameterizedTest
    @MethodSource("dev.ticdcctl.it.Jdks#both")
    void tableOutputShowsTheChangefeed(Optional<Jdk> jdk) throws Exception {
        try (StubServer server = new StubServer().on("GET", "/api/v2/changefeeds", 200, LIST)) {
            Result r = run(jdk, LAUNCHER, Map.of(), "--server", server.url(), "changefeed", "list");

            assertEquals(0, r.exitCode(), r::toString);
            assertEquals("", r.err(), r::toString);
            String[] lines = r.out().split("\n");
            assertEquals(2, lines.length, r::toString);
            List<String> header = List.of(lines[0].trim().split("\\s+"));
            List<String> row = List.of(lines[1].trim().split("\\s+"));
            assertEquals("ID", header.get(0), r::toString);
            assertTrue(header.contains("STATE"), r::toString);
            assertEquals("cf-1", row.get(0), r::toString);
            assertEquals(lines[0].indexOf("STATE"), lines[1].indexOf("normal"), r::toString);
        }
    }

    @Test
    void unreachableServerExitsFiveWithAShortError() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Result r = run("--server", "http://127.0.0.1:" + port, "changefeed", "list");

        assertEquals(5, r.exitCode(), r::toString);
        assertEquals("", r.out(), r::toString);
        List<String> lines = r.errLines();
        assertTrue(lines.size() == 1 || lines.size() == 2, r::toString);
        assertTrue(lines.get(0).startsWith("Error: "), r::toString);
        if (lines.size() == 2) {
            assertTrue(lines.get(1).startsWith("Hint: "), r::toString);
        }
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r::toString);
    }

    @Test
    void unknownCommandIsAUsageError() throws Exception {
        Result r = run("no-such-command");

        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertTrue(r.err().startsWith("Error: "), r::toString);
        assertTrue(r.err().contains("no-such-command"), r::toString);
    }

    @Test
    void usesJavaHome() throws Exception {
        // PATH without any java: the launcher can only have found it through JAVA_HOME.
        assertVersion(run(LAUNCHER, env("JAVA_HOME", JAVA_HOME.toString(), "PATH", pathWithOnlyBash()), "--version"));
    }

    @Test
    void brokenJavaHomeIsAnErrorNotAFallback() throws Exception {
        Path missing = tmp.resolve("no-such-jdk");

        Result r = run(LAUNCHER, env("JAVA_HOME", missing.toString()), "--version");

        assertLauncherError(r, "JAVA_HOME");
        assertTrue(r.err().contains(missing.toString()), r::toString);
    }

    @Test
    void withoutJavaHomeUsesJavaOnPath() throws Exception {
        String path = JAVA_HOME.resolve("bin") + File.pathSeparator + pathWithOnlyBash();

        assertVersion(run(LAUNCHER, env("JAVA_HOME", null, "PATH", path), "--version"));
    }

    @Test
    void withoutAnyJavaNamesJavaHome() throws Exception {
        Result r = run(LAUNCHER, env("JAVA_HOME", null, "PATH", pathWithOnlyBash()), "--version");

        assertLauncherError(r, "JAVA_HOME");
    }

    @Test
    void ticdcctlJavaTakesPrecedenceOverJavaHome() throws Exception {
        Map<String, String> env = env("TICDCCTL_JAVA", JAVA_HOME.resolve("bin/java").toString(),
                "JAVA_HOME", tmp.resolve("no-such-jdk").toString());

        assertVersion(run(LAUNCHER, env, "--version"));
    }

    @ParameterizedTest
    @MethodSource("dev.ticdcctl.it.Jdks#both")
    void jvmOptionsAreSplitAndJvmWarningsStayOffStdout(Optional<Jdk> jdk) throws Exception {
        // Where large pages are not configured, HotSpot warns through unified logging, which writes to stdout
        // unless redirected; the two options also only work if TICDCCTL_JAVA_OPTS is word-split.
        Map<String, String> env = env("TICDCCTL_JAVA_OPTS", " -XX:+UseLargePages   -XX:LargePageSizeInBytes=1g ");

        Result r = run(jdk, LAUNCHER, env, "--version");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("ticdcctl " + VERSION + "\n", r.out(), r::toString);
        for (String line : r.errLines()) {
            assertTrue(line.contains("warning"), r::toString);
        }
    }

    /**
     * The heap starts at 32 MiB and takes transparent huge pages exactly where the kernel offers them on request, so
     * that the JVM never warns about them; an option of the user's still wins.
     */
    @ParameterizedTest
    @MethodSource("dev.ticdcctl.it.Jdks#both")
    void heapStartsSmallWithHugePagesWhereTheKernelOffersThem(Optional<Jdk> jdk) throws Exception {
        Path thpSetting = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
        String thp = Files.isReadable(thpSetting) ? Files.readString(thpSetting) : "";
        boolean offered = thp.contains("[always]") || thp.contains("[madvise]");

        Result r = run(jdk, LAUNCHER, env("TICDCCTL_JAVA_OPTS", "-XX:+PrintFlagsFinal"), "--version");
        Result mine = run(jdk, LAUNCHER, env("TICDCCTL_JAVA_OPTS", "-XX:+PrintFlagsFinal -Xms64m"), "--version");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("", r.err(), r::toString);
        assertTrue(r.out().matches("(?s).*\\bInitialHeapSize += 33554432\\b.*"), r::toString);
        assertTrue(r.out().matches("(?s).*\\bUseTransparentHugePages += " + offered + "\\b.*"), r::toString);
        assertTrue(mine.out().matches("(?s).*\\bInitialHeapSize += 67108864\\b.*"), mine::toString);
    }

    @Test
    void runsThroughChainedRelativeSymlinks() throws Exception {
        // tmp/path/ticdcctl -> ../links/ticdcctl -> <project>/bin/ticdcctl, as with a link in ~/bin
        Path linkDir = Files.createDirectories(tmp.resolve("links"));
        symlink(linkDir.resolve("ticdcctl"), LAUNCHER);
        Path path = Files.createDirectories(tmp.resolve("path"));
        Path link = symlink(path.resolve("ticdcctl"), Path.of("../links/ticdcctl"));

        assertVersion(run(link, Map.of(), "--version"));
    }

    @Test
    void findsTheJarInADistributionLayout() throws Exception {
        Path home = tmp.resolve("ticdcctl-" + VERSION);
        Path launcher = Files.copy(LAUNCHER, Files.createDirectories(home.resolve("bin")).resolve("ticdcctl"));
        symlink(Files.createDirectories(home.resolve("lib")).resolve("ticdcctl.jar"), JAR);

        // No class-data archive: making one on first use is DistributionIT's subject.
        assertVersion(run(launcher, env("TICDCCTL_CDS", "off"), "--version"));
    }

    /**
     * A copy of the build in a source-checkout layout (target/), with or without the class-data archive the build
     * trained. (An installed copy, lib/, makes its own archive on first use: DistributionIT.)
     */
    private Path checkout(boolean withArchive) throws IOException {
        Path home = tmp.resolve(withArchive ? "with-archive" : "without-archive");
        Path launcher = Files.copy(LAUNCHER, Files.createDirectories(home.resolve("bin")).resolve("ticdcctl"));
        Path target = Files.createDirectories(home.resolve("target"));
        Files.copy(JAR, target.resolve("ticdcctl.jar"));
        if (withArchive) {
            Files.copy(PROJECT.resolve("target/ticdcctl.jsa"), target.resolve("ticdcctl.jsa"));
        }
        return launcher;
    }

    @Test
    void theBuildMakesAClassDataArchiveThatTheLauncherUses() throws Exception {
        assertTrue(Files.size(PROJECT.resolve("target/ticdcctl.jsa")) > 0, "the build trains an archive");
        Result r = run(LAUNCHER, env("TICDCCTL_JAVA_OPTS", "-Xshare:on"), "tso", "decode", "450835120160243717");

        // -Xshare:on makes the JVM refuse to start when the archive cannot be used, so success proves it is used.
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().startsWith("TSO"), r::toString);
    }

    @ParameterizedTest
    @MethodSource("dev.ticdcctl.it.Jdks#both")
    void withoutTheArchiveEverythingStillWorks(Optional<Jdk> jdk) throws Exception {
        Result r = run(jdk, checkout(false), Map.of(), "tso", "decode", "450835120160243717", "-o", "json");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("\"logical\": 5"), r::toString);
        assertEquals("", r.err(), r::toString);
    }

    /** On the newer JDK the build's archive is stale in another way: made by another JVM. */
    @ParameterizedTest
    @MethodSource("dev.ticdcctl.it.Jdks#both")
    void aStaleArchiveIsIgnoredSilentlyAndLosesNoOutput(Optional<Jdk> jdk) throws Exception {
        Path launcher = checkout(true);
        Path jar = launcher.getParent().resolveSibling("target/ticdcctl.jar");
        // A jar that changed after training no longer matches its archive.
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 60_000));

        Result r = run(jdk, launcher, Map.of(), "tso", "decode", "450835120160243717", "-o", "json");
        Result bad = run(jdk, launcher, Map.of(), "changefeed", "get", "a_b");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("\"logical\": 5"), r::toString);
        assertEquals("", r.err(), r::toString);
        assertEquals(2, bad.exitCode(), bad::toString);
        assertTrue(bad.err().startsWith("Error: invalid changefeed ID 'a_b'"), bad::toString);
    }

    @Test
    void missingJarIsReported() throws Exception {
        Path launcher = Files.copy(LAUNCHER, Files.createDirectories(tmp.resolve("home/bin")).resolve("ticdcctl"));

        Result r = run(launcher, Map.of(), "--version");

        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertEquals("Error: ticdcctl.jar not found; build it with 'mvn -B package'\n", r.err(), r::toString);
    }

    /** A PATH holding nothing but bash (which the launcher's shebang needs), so that no java can be found on it. */
    private String pathWithOnlyBash() throws IOException {
        Path bash = null;
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "bash");
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                bash = candidate;
                break;
            }
        }
        assertTrue(bash != null, "no bash on PATH");
        Path dir = Files.createDirectories(tmp.resolve("only-bash"));
        if (!Files.exists(dir.resolve("bash"))) {
            symlink(dir.resolve("bash"), bash.toRealPath());
        }
        return dir.toString();
    }

    @Test
    void theReadmeQuickStartWorksAgainstTheEmbeddedSandbox() throws Exception {
        Map<String, String> env = env("TICDCCTL_SANDBOX_DIR", tmp.resolve("sandbox").toString());

        Result created = run(LAUNCHER, env, "--sandbox", "changefeed", "create", "demo", "--sink-uri", "blackhole://");
        Result listed = run(LAUNCHER, env, "--sandbox", "changefeed", "list", "--no-headers");

        assertEquals(0, created.exitCode(), created::toString);
        assertEquals("changefeed \"demo\" created\n", created.out(), created::toString);
        assertEquals(0, listed.exitCode(), listed::toString);
        assertTrue(listed.out().startsWith("demo   normal   "), listed::toString);
    }

    @Test
    void theForegroundSandboxServesUntilSigtermAndThenExitsZero() throws Exception {
        Path out = tmp.resolve("sandbox.out");
        Path err = tmp.resolve("sandbox.err");
        Process process = new ProcessBuilder(LAUNCHER.toString(), "sandbox", "--port", "0", "--captures", "2")
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            List<String> urls = List.of();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
            // The URLs on stdout, then the form and "Try: export ..." on stderr.
            while ((urls.size() < 2 || !readQuietly(err).contains("Try: ")) && process.isAlive()
                    && System.nanoTime() < deadline) {
                urls = Files.readAllLines(out);
                Thread.sleep(20); // polling the output file for the URLs
            }
            assertEquals(2, urls.size(), () -> "URLs printed: " + out + " / " + readQuietly(err));
            assertTrue(readQuietly(err).contains("TiCDC sandbox (new architecture, classic kernel, v8.5.7) running"
                    + " with 2 capture(s); stop it with Ctrl-C.\n"), () -> "the default form: " + readQuietly(err));
            HttpResponse<String> status = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(urls.get(1) + "/api/v2/status")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, status.statusCode());
            assertTrue(status.body().contains("\"is_owner\": false"), status.body());

            process.destroy(); // SIGTERM
            assertTrue(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS), "stopped after SIGTERM");
            assertEquals(0, process.exitValue(), () -> readQuietly(err));
            assertTrue(readQuietly(err).endsWith("sandbox stopped\n"), () -> readQuietly(err));
        } finally {
            process.destroyForcibly();
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
