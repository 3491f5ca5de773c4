package dev.ticdcctl.it;

import static dev.ticdcctl.it.Launches.TIMEOUT_SECONDS;
import static dev.ticdcctl.it.Launches.env;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.ticdcctl.it.Jdks.Jdk;
import dev.ticdcctl.it.Launches.Result;
import dev.ticdcctl.testing.Requirements;
import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The installable archive {@code target/ticdcctl-<version>.tar.gz}: what it holds, and that unpacking it is the whole
 * installation, including the class-data archive the launcher makes on first use.
 */
class DistributionIT {
    private static final Path PROJECT = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
            .toAbsolutePath();
    private static final String VERSION = System.getProperty("project.version", "unknown");
    private static final String TOP = "ticdcctl-" + VERSION + "/";
    private static final Path ARCHIVE = PROJECT.resolve("target/ticdcctl-" + VERSION + ".tar.gz");
    private static final Path JAVA_HOME = Launches.JAVA_HOME;
    private static final String TSO = "450835120160243717";

    @TempDir
    Path tmp;

    private final List<Runnable> cleanups = new ArrayList<>();

    /**
     * Stops what a test left running: a training the launcher started in the background and the test did not wait
     * for. Each is found by its command line, which names the installation under {@code tmp}.
     */
    @AfterEach
    void cleanUp() throws Exception {
        stopBackground(tmp);
        cleanups.forEach(Runnable::run);
    }

    /** Stops the processes whose command line names {@code dir}, and waits for them to end. */
    static void stopBackground(Path dir) throws Exception {
        for (ProcessHandle p : processesMentioning(dir)) {
            p.destroyForcibly();
            p.onExit().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }

    record Entry(String name, char type, int mode, byte[] content) {}

    @Test
    void theArchiveHoldsTheInstallationWithFixedModes() throws Exception {
        Map<String, Entry> entries = readTarGz(ARCHIVE);

        for (String name : entries.keySet()) {
            assertTrue(name.startsWith(TOP), () -> name + " is outside " + TOP);
            assertFalse(name.endsWith(".jsa"), () -> name + ": an archive is made for the installing JVM, not shipped");
        }
        assertFile(entries, "bin/ticdcctl", 0755, Files.readAllBytes(PROJECT.resolve("bin/ticdcctl")));
        assertFile(entries, "README.md", 0644, Files.readAllBytes(PROJECT.resolve("README.md")));
        assertFile(entries, "CHANGELOG.md", 0644, Files.readAllBytes(PROJECT.resolve("CHANGELOG.md")));
        assertFile(entries, "LICENSE", 0644, Files.readAllBytes(PROJECT.resolve("LICENSE")));
        assertFile(entries, "lib/ticdcctl.jar", 0644, Files.readAllBytes(PROJECT.resolve("target/ticdcctl.jar")));
        // Whatever the tree has of these goes in, as it is: completion scripts, man pages.
        List<Path> optional = new ArrayList<>();
        for (String dir : List.of("completions", "man")) {
            if (Files.isDirectory(PROJECT.resolve(dir))) {
                try (Stream<Path> files = Files.walk(PROJECT.resolve(dir))) {
                    files.filter(Files::isRegularFile).forEach(optional::add);
                }
            }
        }
        for (Path file : optional) {
            assertFile(entries, PROJECT.relativize(file).toString(), 0644, Files.readAllBytes(file));
        }
        long files = entries.values().stream().filter(e -> e.type() == '0').count();
        assertEquals(5 + optional.size(), files, entries.keySet()::toString);
        for (Entry dir : entries.values().stream().filter(e -> e.type() == '5').toList()) {
            assertEquals(Integer.toOctalString(0755), Integer.toOctalString(dir.mode()), dir.name());
        }
        // What the README's completion and man instructions name, once those directories exist.
        if (Files.isDirectory(PROJECT.resolve("completions"))) {
            for (String script : List.of("ticdcctl.bash", "_ticdcctl", "ticdcctl.fish")) {
                assertTrue(entries.containsKey(TOP + "completions/" + script), script);
            }
        }
        if (Files.isDirectory(PROJECT.resolve("man"))) {
            assertTrue(entries.containsKey(TOP + "man/man1/ticdcctl.1"), entries.keySet()::toString);
        }
    }

    @Test
    void unpackedItRunsFromItsOwnDirectoryAndThroughALinkOnPath() throws Exception {
        Path home = install();
        Map<String, String> noArchive = env("TICDCCTL_CDS", "off"); // that part is the tests below

        Result version = run(home.resolve("bin/ticdcctl"), noArchive, "--version");
        Result decoded = run(home.resolve("bin/ticdcctl"), noArchive, "tso", "decode", TSO);
        // A link in a directory on PATH, as with ln -s .../bin/ticdcctl ~/bin; env looks it up in the child's PATH.
        Path pathDir = Files.createDirectories(tmp.resolve("path"));
        Files.createSymbolicLink(pathDir.resolve("ticdcctl"), home.resolve("bin/ticdcctl"));
        Map<String, String> onPath = env("TICDCCTL_CDS", "off",
                "PATH", pathDir + File.pathSeparator + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        Result linked = run(Path.of("/usr/bin/env"), onPath, "ticdcctl", "--version");

        assertVersion(version);
        assertEquals(0, decoded.exitCode(), decoded::toString);
        assertTrue(decoded.out().startsWith("TSO ") && decoded.out().contains(TSO + " "), decoded::toString);
        assertEquals("", decoded.err(), decoded::toString);
        assertVersion(linked);
    }

    /**
     * On JDK 17 a class-data archive, on 25+ an AOT cache. -Xshare:on (or -XX:AOTMode=on) makes the JVM refuse to
     * start when it cannot map it: success proves it is used.
     */
    @ParameterizedTest
    @MethodSource("dev.ticdcctl.it.Jdks#both")
    void theFirstRunLeavesAClassDataArchiveThatLaterRunsUse(Optional<Jdk> newer) throws Exception {
        Jdk jdk = Jdks.use(newer);
        boolean aot = jdk.feature() >= 25;
        Path home = install();

        Result first = run(home.resolve("bin/ticdcctl"), env("JAVA_HOME", jdk.home().toString()), "tso", "decode",
                TSO);
        awaitBackground(home);
        Result later = run(home.resolve("bin/ticdcctl"), env("JAVA_HOME", jdk.home().toString(),
                "TICDCCTL_JAVA_OPTS", aot ? "-XX:AOTMode=on" : "-Xshare:on"), "tso", "decode", TSO);

        assertEquals(0, first.exitCode(), first::toString);
        assertTrue(first.out().startsWith("TSO ") && first.out().contains(TSO + " "), first::toString);
        assertEquals("", first.err(), first::toString);
        List<String> lib = list(home.resolve("lib"));
        assertEquals(2, lib.size(), lib::toString);
        assertTrue(lib.get(0).matches("ticdcctl-[0-9a-f]{8}-[0-9a-f]{8}\\." + (aot ? "aot" : "jsa")), lib::toString);
        assertEquals(0, later.exitCode(), later::toString);
        assertEquals(first.out(), later.out(), later::toString);
        assertEquals("", later.err(), later::toString);
        assertEquals(List.of(), processesMentioning(home), "a run with its archive trains nothing");
    }

    @Test
    void aJvmThatCannotMakeAnArchiveIsNotAskedAgain() throws Exception {
        Path home = install();
        // A java that runs everything except the training's dump, like a JVM without class-data sharing.
        Path java = Files.writeString(Files.createDirectories(tmp.resolve("jdk/bin")).resolve("java"), """
                #!/bin/sh
                for a; do case $a in -XX:ArchiveClassesAtExit=*) exit 0;; esac; done
                exec '%s' "$@"
                """.formatted(JAVA_HOME.resolve("bin/java")));
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> env = env("JAVA_HOME", tmp.resolve("jdk").toString());

        assertVersion(run(home.resolve("bin/ticdcctl"), env, "--version"));
        awaitBackground(home);
        assertVersion(run(home.resolve("bin/ticdcctl"), env, "--version"));

        List<String> lib = list(home.resolve("lib"));
        assertEquals(2, lib.size(), lib::toString);
        assertTrue(lib.get(0).matches("ticdcctl-[0-9a-f]{8}-[0-9a-f]{8}\\.jsa\\.failed"), lib::toString);
        assertEquals(List.of(), processesMentioning(home), "no second training");
    }

    @Test
    void withCdsOffNoArchiveIsMade() throws Exception {
        Path home = install();

        assertVersion(run(home.resolve("bin/ticdcctl"), env("TICDCCTL_CDS", "off"), "--version"));

        // A training would have been started before the JVM of the command; the run is over, so it would show now.
        assertEquals(List.of(), processesMentioning(home));
        assertEquals(List.of("ticdcctl.jar"), list(home.resolve("lib")));
    }

    @Test
    void anUnwritableLibKeepsTheArchiveInTheUsersCache() throws Exception {
        Path home = install();
        Path lib = home.resolve("lib");
        makeUnwritable(lib);
        Path userHome = Files.createDirectories(tmp.resolve("user"));
        Map<String, String> env = env("HOME", userHome.toString());

        assertVersion(run(home.resolve("bin/ticdcctl"), env, "--version"));
        awaitBackground(home);
        env.put("TICDCCTL_JAVA_OPTS", "-Xshare:on");
        Result later = run(home.resolve("bin/ticdcctl"), env, "--version");

        assertEquals(List.of("ticdcctl.jar"), list(lib));
        List<String> cache = list(userHome.resolve(".cache/ticdcctl"));
        assertEquals(1, cache.size(), cache::toString);
        assertTrue(cache.get(0).matches("ticdcctl-[0-9a-f]{8}-[0-9a-f]{8}\\.jsa"), cache::toString);
        assertVersion(later);
    }

    private Path install() throws Exception {
        return install(ARCHIVE, tmp, TOP);
    }

    /**
     * Unpacks {@code archive} the way a user does, with tar, into a fresh directory under {@code tmp}; returns the
     * installation, its directory {@code top}.
     */
    static Path install(Path archive, Path tmp, String top) throws Exception {
        Path opt = Files.createDirectories(tmp.resolve("opt"));
        Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", opt.toString())
                .redirectErrorStream(true).start();
        String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(tar.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        assertEquals(0, tar.exitValue(), output);
        Path home = opt.resolve(top);
        assertTrue(Files.isExecutable(home.resolve("bin/ticdcctl")));
        return home;
    }

    /**
     * Makes {@code dir} unwritable for the launcher. A mode does not stop root, so as root the directory is also made
     * immutable (undone after the test). Without chattr the test fails in CI like any test missing its program;
     * where chattr exists but the file system or the container refuses it (no CAP_LINUX_IMMUTABLE), it is skipped:
     * that is a property of the machine, not something the project could install.
     */
    private void makeUnwritable(Path dir) throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        cleanups.add(() -> {
            try {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        if (Files.isWritable(dir)) {
            Requirements.requireProgram("chattr");
            Process chattr = new ProcessBuilder("chattr", "+i", dir.toString()).redirectErrorStream(true).start();
            chattr.getInputStream().readAllBytes();
            if (chattr.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) && chattr.exitValue() == 0) {
                cleanups.add(0, () -> {
                    try {
                        new ProcessBuilder("chattr", "-i", dir.toString()).inheritIO().start().waitFor();
                    } catch (IOException | InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
        }
        assumeFalse(Files.isWritable(dir), "cannot make a directory unwritable here (chattr +i refused)");
    }

    /**
     * Waits until the training the launcher started in the background is over: it runs in its own session, so it is
     * found by its command line, which names the installation. None found: it is over already (callers check what it
     * left).
     */
    static void awaitBackground(Path home) throws Exception {
        for (ProcessHandle p : processesMentioning(home)) {
            p.onExit().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }

    static List<ProcessHandle> processesMentioning(Path dir) {
        String text = dir.toString();
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            return all.filter(p -> p.pid() != ProcessHandle.current().pid())
                    .filter(p -> p.info().commandLine().map(c -> c.contains(text)).orElse(false))
                    .toList();
        }
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static void assertVersion(Result r) {
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("ticdcctl " + VERSION + "\n", r.out(), r::toString);
        assertEquals("", r.err(), r::toString);
    }

    private static void assertFile(Map<String, Entry> entries, String name, int mode, byte[] content) {
        assertFile(entries, TOP, name, mode, content);
    }

    /** The regular file {@code top + name} of the archive, with its mode and content. */
    static void assertFile(Map<String, Entry> entries, String top, String name, int mode, byte[] content) {
        Entry entry = entries.get(top + name);
        assertNotNull(entry, () -> name + " missing from " + entries.keySet());
        assertEquals('0', entry.type(), name);
        assertEquals(Integer.toOctalString(mode), Integer.toOctalString(entry.mode()), name);
        assertArrayEquals(content, entry.content(), name);
    }

    private Result run(Path executable, Map<String, String> env, String... args) throws Exception {
        return Launches.run(tmp, executable, env, args);
    }

    /**
     * The entries of a gzipped POSIX tar, in order: ustar headers, with pax extended headers for long names. Read
     * here rather than with tar(1) so that modes are checked as numbers, not as ls-style text.
     */
    static Map<String, Entry> readTarGz(Path file) throws IOException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            String paxPath = null;
            while (true) {
                byte[] header = in.readNBytes(512);
                if (header.length < 512) {
                    throw new EOFException("truncated tar");
                }
                if (Arrays.equals(header, new byte[512])) {
                    return entries;
                }
                char type = (char) header[156];
                long size = octal(header, 124, 12);
                byte[] content = in.readNBytes((int) size);
                in.skipNBytes((512 - size % 512) % 512);
                if (type == 'x') {
                    paxPath = paxValue(content, "path");
                    continue;
                }
                String name = text(header, 0, 100);
                String prefix = text(header, 345, 155);
                if (!prefix.isEmpty()) {
                    name = prefix + "/" + name;
                }
                if (paxPath != null) {
                    name = paxPath;
                    paxPath = null;
                }
                int mode = (int) octal(header, 100, 8) & 07777; // without the file-type bits
                entries.put(name, new Entry(name, type == '\0' ? '0' : type, mode, content));
            }
        }
    }

    private static String text(byte[] b, int offset, int length) {
        int end = offset;
        while (end < offset + length && b[end] != 0) {
            end++;
        }
        return new String(b, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] b, int offset, int length) {
        String s = text(b, offset, length).trim();
        return s.isEmpty() ? 0 : Long.parseLong(s, 8);
    }

    /** The value of {@code key} in pax records ("LEN key=value\n"), or null. */
    private static String paxValue(byte[] records, String key) {
        for (String record : new String(records, StandardCharsets.UTF_8).split("\n")) {
            int space = record.indexOf(' ');
            if (space > 0 && record.startsWith(key + "=", space + 1)) {
                return record.substring(space + 2 + key.length());
            }
        }
        return null;
    }
}
