package dev.ticdcctl.cli;

import dev.ticdcctl.output.Terminal;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** What the process gets from outside: environment variables, stdin, terminals, time. Tests supply their own. */
public record Environment(Map<String, String> variables, InputStream stdin, Terminal terminal, Clock clock,
        Sleeper sleeper, Passwords passwords) {

    /** Waits between polls; a seam so that waiting is not tied to the wall clock in tests. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** Reads a password without echoing it (on the terminal). */
    @FunctionalInterface
    public interface Passwords {
        char[] read(String prompt);
    }

    public static Environment system() {
        Map<String, String> env = System.getenv();
        return new Environment(env, System.in, Terminal.probe(env), Clock.systemDefaultZone(),
                d -> Thread.sleep(d.toMillis()), Environment::readPasswordFromConsole);
    }

    private static char[] readPasswordFromConsole(String prompt) {
        java.io.Console console = System.console();
        char[] password = console == null ? null : console.readPassword("%s", prompt);
        return password == null ? new char[0] : password;
    }

    public String get(String name) {
        String value = variables.get(name);
        return value == null || value.isEmpty() ? null : value;
    }
}
