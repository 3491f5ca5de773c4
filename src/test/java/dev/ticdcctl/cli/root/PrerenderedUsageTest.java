package dev.ticdcctl.cli.root;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The root's usage printed from the build's copy is the usage picocli renders, and is printed only where it is. */
class PrerenderedUsageTest {
    /** A global option before {@code help} leaves the copy aside: picocli renders the usage from the model. */
    private static String rendered() {
        Cli.Result live = new Cli().run("-q", "help");
        assertEquals(0, live.exitCode(), live.toString());
        assertTrue(live.out().startsWith("Usage: ticdcctl "), live.out());
        return live.out();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "help", "-h", "--help"})
    void theCopyIsWhatPicocliRendersAndIsWhatTheRootUsagePrints(String arg) {
        String[] args = arg.isEmpty() ? new String[0] : new String[] {arg};
        assertNotNull(PrerenderedUsage.forArgs(args, false), "the build puts " + PrerenderedUsage.RESOURCE
                + " beside PrerenderedUsage");
        Cli.Result printed = new Cli().run(args);
        assertEquals(0, printed.exitCode(), printed.toString());
        assertEquals(rendered(), printed.out());
        assertEquals("", printed.err());
    }

    @Test
    void anythingElseOrATerminalGetsTheUsageFromTheModel() {
        assertNull(PrerenderedUsage.forArgs(new String[] {"help"}, true));
        assertNull(PrerenderedUsage.forArgs(new String[] {"help", "changefeed"}, false));
        assertNull(PrerenderedUsage.forArgs(new String[] {"-q", "help"}, false));
        assertNull(PrerenderedUsage.forArgs(new String[] {"--version"}, false));
    }
}
