package dev.ticdcctl.it;

import static dev.ticdcctl.it.DistributionIT.assertFile;
import static dev.ticdcctl.it.DistributionIT.awaitBackground;
import static dev.ticdcctl.it.Launches.env;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.it.DistributionIT.Entry;
import dev.ticdcctl.it.Launches.Result;
import dev.ticdcctl.testing.Certificates;
import dev.ticdcctl.testing.Certificates.KeyFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The self-contained archive {@code target/ticdcctl-<version>-linux-x86_64.tar.gz} (built on Linux x86-64): unpacked
 * on a machine without Java, {@code bin/ticdcctl} runs on the runtime the archive ships.
 */
@EnabledOnOs(value = OS.LINUX, architectures = "amd64") // where the build makes it: profile linux-x86_64
class SelfContainedArchiveIT {
    private static final Path PROJECT = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
            .toAbsolutePath();
    private static final String VERSION = System.getProperty("project.version", "unknown");
    private static final String TOP = "ticdcctl-" + VERSION + "-linux-x86_64/";
    private static final Path ARCHIVE = PROJECT.resolve("target/ticdcctl-" + VERSION + "-linux-x86_64.tar.gz");
    /** What jdeps finds in the jar but only parts that never run use; see runtime.modules in pom.xml. */
    private static final Set<String> KNOWN_UNUSED = Set.of("java.desktop", "java.management", "java.naming");
    /** What the launcher runs besides java: stat, setsid, nice and flock when making its class-data archive. */
    private static final List<String> TOOLS = List.of("bash", "sh", "stat", "setsid", "nice", "flock", "mkdir", "mv",
            "rm");

    @TempDir
    Path tmp;

    @AfterEach
    void stopTraining() throws Exception {
        DistributionIT.stopBackground(tmp);
    }

    @Test
    void theArchiveHoldsTheInstallationAndARuntimeWithoutCompilerOrJmods() throws Exception {
        Map<String, Entry> entries = DistributionIT.readTarGz(ARCHIVE);

        for (String name : entries.keySet()) {
            assertTrue(name.startsWith(TOP), () -> name + " is outside " + TOP);
            assertFalse(name.contains("/jmods/") || name.endsWith("/bin/javac"), name);
            assertFalse(name.endsWith(".jsa") && !name.equals(TOP + "runtime/lib/server/classes.jsa"), name);
        }
        assertFile(entries, TOP, "bin/ticdcctl", 0755, Files.readAllBytes(PROJECT.resolve("bin/ticdcctl")));
        assertFile(entries, TOP, "lib/ticdcctl.jar", 0644, Files.readAllBytes(PROJECT.resolve("target/ticdcctl.jar")));
        assertFile(entries, TOP, "LICENSE", 0644, Files.readAllBytes(PROJECT.resolve("LICENSE")));
        assertEquals(0755, entry(entries, "runtime/bin/java").mode());
        assertEquals(0755, entry(entries, "runtime/lib/jspawnhelper").mode());
        entry(entries, "runtime/lib/server/classes.jsa");
        entry(entries, "runtime/legal/java.base/LICENSE");
        Set<String> tools = entries.values().stream().filter(e -> e.type() == '0')
                .map(Entry::name).filter(n -> n.startsWith(TOP + "runtime/bin/"))
                .map(n -> n.substring((TOP + "runtime/bin/").length())).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of("java", "keytool"), tools);
    }

    @Test
    void theRuntimeHasEveryModuleTheJarNeeds() throws Exception {
        Path home = install();
        Result jdeps = Launches.run(tmp, Launches.JAVA_HOME.resolve("bin/jdeps"), Map.of(), "--multi-release", "17",
                "--ignore-missing-deps", "--print-module-deps", PROJECT.resolve("target/ticdcctl.jar").toString());
        Result listed = Launches.run(tmp, home.resolve("runtime/bin/java"), Map.of(), "--list-modules");

        assertEquals(0, jdeps.exitCode(), jdeps::toString);
        assertEquals(0, listed.exitCode(), listed::toString);
        Set<String> runtime = listed.out().lines().map(l -> l.replaceFirst("@.*", "")).collect(Collectors.toSet());
        Set<String> needed = new TreeSet<>(Arrays.asList(jdeps.out().strip().split(",")));
        needed.removeAll(KNOWN_UNUSED);
        assertTrue(runtime.containsAll(needed), () -> "runtime " + runtime + " lacks some of " + needed);
        assertTrue(runtime.contains("jdk.crypto.ec"), runtime::toString);
        assertFalse(runtime.contains("java.desktop"), runtime::toString);
    }

    @Test
    void withoutJavaOnPathOrJavaHomeItRunsCommandsOnItsRuntime() throws Exception {
        Path home = install();
        Map<String, String> env = noJava();
        env.put("TICDCCTL_SANDBOX_DIR", tmp.resolve("sandbox").toString());
        Path launcher = home.resolve("bin/ticdcctl");

        Result version = Launches.run(tmp, launcher, env, "--version");
        Result created = Launches.run(tmp, launcher, env, "--sandbox", "changefeed", "create", "demo", "--sink-uri",
                "blackhole://");
        Result matched = Launches.run(tmp, launcher, env, "--sandbox", "changefeed", "list", "--jq",
                ".items[] | select(.id | test(\"^de.o$\")) | .id");
        Result yaml = Launches.run(tmp, launcher, env, "--sandbox", "changefeed", "get", "demo", "-o", "yaml");
        Result missing = Launches.run(tmp, launcher, env, "--sandbox", "changefeed", "get", "nope");

        assertEquals(0, version.exitCode(), version::toString);
        assertEquals("ticdcctl " + VERSION + "\n", version.out(), version::toString);
        assertEquals("", version.err(), version::toString);
        assertEquals(0, created.exitCode(), created::toString);
        assertEquals("changefeed \"demo\" created\n", created.out(), created::toString);
        assertEquals(0, matched.exitCode(), matched::toString);
        assertEquals("demo\n", matched.out(), matched::toString);
        assertEquals(0, yaml.exitCode(), yaml::toString);
        assertTrue(yaml.out().lines().anyMatch(l -> l.matches("id: \"?demo\"?")), yaml::toString);
        assertEquals(3, missing.exitCode(), missing::toString);
        assertEquals("", missing.out(), missing::toString);
        assertTrue(missing.err().startsWith("Error: "), missing::toString);
    }

    @Test
    void rsaAndEcKeysWorkOverTlsOnTheRuntime() throws Exception {
        // EC keys and key exchange come from jdk.crypto.ec, which no class names; the jar's PEM parsing is PemFilesIT's.
        PemFilesIT.assertKeysConnect(tmp, install().resolve("bin/ticdcctl"), noJava(), Certificates.generate(tmp),
                List.of(KeyFormat.RSA_PKCS1, KeyFormat.EC_SEC1));
    }

    @Test
    void theFirstRunMakesAClassDataArchiveForTheBundledRuntime() throws Exception {
        Path home = install();
        Map<String, String> env = noJava();

        Result first = Launches.run(tmp, home.resolve("bin/ticdcctl"), env, "--version");
        awaitBackground(home);
        // -Xshare:on makes the JVM refuse to start when it cannot map the archive: success proves it is used.
        env.put("TICDCCTL_JAVA_OPTS", "-Xshare:on");
        Result later = Launches.run(tmp, home.resolve("bin/ticdcctl"), env, "--version");

        assertEquals(0, first.exitCode(), first::toString);
        try (Stream<Path> lib = Files.list(home.resolve("lib"))) {
            List<String> names = lib.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(2, names.size(), names::toString);
            assertTrue(names.get(0).matches("ticdcctl-[0-9a-f]{8}-[0-9a-f]{8}\\.jsa"), names::toString);
        }
        assertEquals(0, later.exitCode(), later::toString);
        assertEquals(first.out(), later.out(), later::toString);
        assertEquals("", later.err(), later::toString);
    }

    @Test
    void theRuntimeComesBeforeJavaHomeButAnExplicitTicdcctlJavaWins() throws Exception {
        Path home = install();
        Path marker = tmp.resolve("wrapper-ran");
        Path wrapper = Files.writeString(tmp.resolve("java-wrapper"), """
                #!/bin/sh
                : >'%s'
                exec '%s' "$@"
                """.formatted(marker, Launches.JAVA_HOME.resolve("bin/java")));
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));

        Map<String, String> brokenJavaHome = noJava();
        brokenJavaHome.put("JAVA_HOME", tmp.resolve("no-such-jdk").toString());
        brokenJavaHome.put("TICDCCTL_CDS", "off");
        Result bundled = Launches.run(tmp, home.resolve("bin/ticdcctl"), brokenJavaHome, "--version");
        Map<String, String> explicit = env("TICDCCTL_JAVA", wrapper.toString(), "TICDCCTL_CDS", "off");
        Result wrapped = Launches.run(tmp, home.resolve("bin/ticdcctl"), explicit, "--version");

        assertEquals(0, bundled.exitCode(), bundled::toString);
        assertEquals("ticdcctl " + VERSION + "\n", bundled.out(), bundled::toString);
        assertEquals(0, wrapped.exitCode(), wrapped::toString);
        assertTrue(Files.exists(marker), "TICDCCTL_JAVA was not used");
    }

    /**
     * An environment without Java: JAVA_HOME unset, and PATH a directory of links to the programs the launcher uses,
     * none of them java.
     */
    private Map<String, String> noJava() throws Exception {
        Path bin = tmp.resolve("no-java-bin");
        if (!Files.isDirectory(bin)) {
            Files.createDirectories(bin);
            for (String tool : TOOLS) {
                Path found = Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":"))
                        .filter(d -> !d.isEmpty()).map(d -> Path.of(d, tool)).filter(Files::isExecutable)
                        .findFirst().orElse(null);
                assertNotNull(found, tool + " not on PATH");
                Files.createSymbolicLink(bin.resolve(tool), found.toRealPath());
            }
        }
        return env("PATH", bin.toString(), "JAVA_HOME", null);
    }

    private Path install() throws Exception {
        return DistributionIT.install(ARCHIVE, tmp, TOP);
    }

    private static Entry entry(Map<String, Entry> entries, String name) {
        Entry entry = entries.get(TOP + name);
        assertNotNull(entry, () -> name + " missing from the archive");
        return entry;
    }
}
