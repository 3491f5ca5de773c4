package dev.ticdcctl.cli.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.sandbox.ServerDialect;
import dev.ticdcctl.testing.Cli;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ticdcctl sandbox --arch --kernel}: unknown values, a next-gen classic server and a state directory of another
 * form are invalid input.
 */
class SandboxDialectOptionsTest {
    private static void assertInvalid(String message, String... options) {
        String[] args = new String[options.length + 3];
        args[0] = "sandbox";
        args[1] = "--port";
        args[2] = "0";
        System.arraycopy(options, 0, args, 3, options.length);
        Cli.Result r = new Cli().run(args);
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: " + message + "\n"), r::toString);
        assertEquals("", r.out(), r::toString);
    }

    @Test
    void unknown_values_are_refused() {
        assertInvalid("--arch must be classic or new, not newest", "--arch", "newest");
        assertInvalid("--kernel must be classic or next-gen, not nextgen", "--arch", "new", "--kernel", "nextgen");
    }

    @Test
    void the_classic_server_has_no_next_gen_kernel() {
        assertInvalid("--kernel next-gen needs --arch new: the classic server has no next-gen kernel", "--arch",
                "classic", "--kernel", "next-gen");
    }

    @Test
    void a_state_directory_keeps_its_form_and_another_asked_for_is_refused_before_anything_listens(
            @TempDir Path dir) {
        Cli.Result made = new Cli().env("TICDCCTL_SANDBOX_DIR", dir.toString()).run("--sandbox", "changefeed", "list");
        assertEquals(0, made.exitCode(), made::toString);

        assertInvalid("--arch classic asks for another form than the sandbox state in " + dir + " was made in (new"
                + " architecture, classic kernel, v8.5.7)\nHint: leave out --arch and --kernel to use that state as"
                + " it is, or give another --state-dir for a new one in the form asked for", "--state-dir",
                dir.toString(), "--arch", "classic");
    }

    @Test
    void help_names_the_release_line_of_each_form_and_the_default() {
        Cli.Result r = new Cli().run("sandbox", "--help");
        assertEquals(0, r.exitCode(), r::toString);
        String help = r.out().replaceAll("\\s+", " ");
        assertTrue(help.contains("(default: --arch " + ServerDialect.DEFAULT.arch() + " --kernel "
                + ServerDialect.DEFAULT.kernel() + ")"), help);
        assertTrue(help.contains("new models pingcap/ticdc's new architecture of the current release line, v8.5.5 to"
                + " v8.5.7"), help);
        assertTrue(help.contains("classic models pingcap/tiflow v8.5.x"), help);
        assertTrue(help.contains("A --state-dir keeps the form it was made in"), help);
    }

    /** The root's help and the environment's cannot name a constant of the sandbox: they are held to it here. */
    @Test
    void the_root_help_and_the_environment_name_the_default_form_of_sandbox() {
        String options = new Cli().run("help", "global-options").out().replaceAll("\\s+", " ");
        String environment = new Cli().run("help", "environment").out().replaceAll("\\s+", " ");

        assertTrue(options.contains("A new state simulates the " + ServerDialect.DEFAULT.arch() + " architecture on"
                + " the " + ServerDialect.DEFAULT.kernel() + " kernel, as the sandbox command does"), options);
        assertTrue(environment.contains("TICDCCTL_SANDBOX_ARCH architecture a new state of --sandbox simulates:"
                + " classic or new (default: " + ServerDialect.DEFAULT.arch() + ")"), environment);
        assertTrue(environment.contains("TICDCCTL_SANDBOX_KERNEL kernel a new state of --sandbox simulates: classic"
                + " or next-gen, which needs the new architecture (default: " + ServerDialect.DEFAULT.kernel() + ")"),
                environment);
    }
}
