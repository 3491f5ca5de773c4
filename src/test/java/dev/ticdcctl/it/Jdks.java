package dev.ticdcctl.it;

import dev.ticdcctl.testing.Requirements;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The JDKs the launcher tests run on: the one running the tests (17, the oldest supported) and a newer one, where the
 * launcher chooses its JVM flags and archives differently. The newer one is {@code TICDCCTL_TEST_NEWER_JDK} when set,
 * else the newest JDK 22+ installed beside the default one in /usr/lib/jvm. Without one a test that needs it is
 * skipped, or fails in CI.
 */
final class Jdks {
    /** A JDK's home and its feature version (17, 25). */
    record Jdk(Path home, int feature) {
        Path java() {
            return home.resolve("bin/java");
        }

        @Override
        public String toString() {
            return "JDK " + feature;
        }
    }

    static final Jdk TESTS = new Jdk(Launches.JAVA_HOME, Runtime.version().feature());
    private static final int NEWER_FROM = 22;
    private static final Path INSTALLED = Path.of("/usr/lib/jvm");
    private static final Pattern VERSION = Pattern.compile("^JAVA_VERSION=\"(\\d+)", Pattern.MULTILINE);
    private static final Optional<Jdk> NEWER = findNewer();

    private Jdks() {}

    /** For {@code @MethodSource}: the JDK of the tests and the newer one (which may be missing: see {@link #use}). */
    static List<Optional<Jdk>> both() {
        return List.of(Optional.of(TESTS), NEWER);
    }

    /** The JDK itself, after skipping (or, in CI, failing) the test when it is the newer one and there is none. */
    static Jdk use(Optional<Jdk> jdk) {
        Requirements.require(jdk.isPresent(), "no JDK " + NEWER_FROM + "+ beside the default one (set"
                + " TICDCCTL_TEST_NEWER_JDK or install one in " + INSTALLED + ")");
        return jdk.orElseThrow();
    }

    private static Optional<Jdk> findNewer() {
        String explicit = System.getenv("TICDCCTL_TEST_NEWER_JDK");
        if (explicit != null && !explicit.isEmpty()) {
            return Optional.of(jdk(Path.of(explicit)).filter(j -> j.feature() >= NEWER_FROM).orElseThrow(() ->
                    new IllegalStateException("TICDCCTL_TEST_NEWER_JDK=" + explicit + " is not a JDK "
                            + NEWER_FROM + "+")));
        }
        if (!Files.isDirectory(INSTALLED)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(INSTALLED)) {
            return homes.map(Jdks::jdk).flatMap(Optional::stream).filter(j -> j.feature() >= NEWER_FROM)
                    .filter(j -> Files.isExecutable(j.java())).max(Comparator.comparingInt(Jdk::feature));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JDK at {@code home}, by the version its {@code release} file names. */
    private static Optional<Jdk> jdk(Path home) {
        try {
            Matcher m = VERSION.matcher(Files.readString(home.resolve("release")));
            return m.find() ? Optional.of(new Jdk(home, Integer.parseInt(m.group(1)))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
