package dev.ticdcctl.cli.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.testing.Cli;
import org.junit.jupiter.api.Test;

/** {@code ticdcctl sandbox --arch --kernel}: unknown values and a next-gen classic server are invalid input. */
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
        assertInvalid("--kernel next-gen needs --arch new: the classic server has no next-gen kernel", "--kernel",
                "next-gen");
    }

    @Test
    void help_names_the_release_line_of_each_form_and_the_default() {
        Cli.Result r = new Cli().run("sandbox", "--help");
        assertEquals(0, r.exitCode(), r::toString);
        String help = r.out().replaceAll("\\s+", " ");
        assertTrue(help.contains("classic (the default) models pingcap/tiflow v8.5.x"), help);
        assertTrue(help.contains("v8.5.5 to v8.5.7"), help);
        assertTrue(help.contains("Classic stays the default, also for --sandbox"), help);
    }
}
