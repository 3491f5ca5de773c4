package dev.ticdcctl.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the packaged launcher (or any executable) as a user would, for the integration tests. */
final class Launches {
    static final Path JAVA_HOME = Path.of(System.getProperty("java.home"));
    static final long TIMEOUT_SECONDS = 60;

    private Launches() {}

    /** The outcome of one run; {@code toString} shows everything, for assertion messages. */
    record Result(int exitCode, String out, String err, List<String> command) {
        List<String> errLines() {
            return err.lines().toList();
        }

        @Override
        public String toString() {
            return String.join(" ", command) + "\n-- exit " + exitCode + "\n-- stdout:\n" + out + "-- stderr:\n" + err;
        }
    }

    /** Environment variables from name-value pairs; a null value removes the variable in {@link #run}. */
    static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    /**
     * Runs {@code executable} in {@code dir} with a controlled environment and no stdin: only PATH and HOME are
     * inherited, so that settings such as TICDCCTL_SERVER or JAVA_TOOL_OPTIONS (whose "Picked up" notice lands on
     * stderr) cannot leak in. JAVA_HOME is the JDK running the tests unless {@code env} says otherwise.
     */
    static Result run(Path dir, Path executable, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(Arrays.asList(args));
        Path out = Files.createTempFile(dir, "stdout", ".txt");
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        Map<String, String> environment = pb.environment();
        environment.clear();
        environment.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        environment.put("HOME", System.getProperty("user.home"));
        environment.put("JAVA_HOME", JAVA_HOME.toString());
        env.forEach((name, value) -> {
            if (value == null) {
                environment.remove(name);
            } else {
                environment.put(name, value);
            }
        });
        Process process = pb.start();
        process.getOutputStream().close(); // no stdin, as in CI
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                fail(command + " did not finish within " + TIMEOUT_SECONDS + "s");
            }
        } finally {
            process.destroyForcibly();
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8), command);
    }
}
