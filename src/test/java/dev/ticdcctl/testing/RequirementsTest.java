package dev.ticdcctl.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class RequirementsTest {
    @Test
    void a_missing_requirement_skips_outside_ci_and_fails_in_ci() {
        TestAbortedException skipped = assertThrows(TestAbortedException.class,
                () -> Requirements.require(Map.of(), false, "zsh is not installed"));
        assertTrue(skipped.getMessage().contains("zsh is not installed"), skipped::getMessage);
        assertThrows(TestAbortedException.class,
                () -> Requirements.require(Map.of("CI", "false"), false, "zsh is not installed"));

        AssertionFailedError failed = assertThrows(AssertionFailedError.class,
                () -> Requirements.require(Map.of("CI", "true"), false, "zsh is not installed"));
        assertEquals("zsh is not installed, and CI=true: a skipped check fails in CI (.ci/run must provide it)",
                failed.getMessage());
    }

    @Test
    void a_met_requirement_lets_the_test_run_everywhere() {
        Requirements.require(Map.of("CI", "true"), true, "never shown");
        Requirements.require(Map.of(), true, "never shown");
    }

    @Test
    void programs_are_looked_up_on_the_path() {
        assertTrue(Requirements.onPath("sh"), "every POSIX system has sh on its PATH");
        assertFalse(Requirements.onPath("ticdcctl-no-such-program"));
    }
}
