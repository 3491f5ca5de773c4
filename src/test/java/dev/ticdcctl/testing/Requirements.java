package dev.ticdcctl.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test needs from the machine (a program, a file system that can refuse root): where it is missing, the test
 * is skipped on a developer's machine but fails in CI ({@code CI=true}, set by .ci/run, which installs everything the
 * tests need), so that a green CI run never hides checks that did not run.
 */
public final class Requirements {
    private Requirements() {
    }

    /** Skips the calling test when {@code met} is false, or fails it in CI; {@code why} says what is missing. */
    public static void require(boolean met, String why) {
        require(System.getenv(), met, why);
    }

    /** Requires {@code program} on the PATH. */
    public static void requireProgram(String program) {
        require(onPath(program), program + " is not installed");
    }

    public static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, program)));
    }

    static void require(Map<String, String> environment, boolean met, String why) {
        if (met) {
            return;
        }
        if ("true".equalsIgnoreCase(environment.get("CI"))) {
            Assertions.fail(why + ", and CI=true: a skipped check fails in CI (.ci/run must provide it)");
        }
        Assumptions.abort(why);
    }
}
