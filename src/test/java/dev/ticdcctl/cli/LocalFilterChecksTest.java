package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.sandbox.ServerDialect;
import dev.ticdcctl.testing.SandboxTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Filter rules and ignore-event types are checked before anything is sent, as TiCDC would check them (exit 2 even
 * with no server listening); what only the server can judge is sent and judged there.
 */
class LocalFilterChecksTest extends SandboxTest {
    /** Nothing listens there: a command that tried to send would exit 5. */
    private static final String NOBODY = "http://127.0.0.1:1";

    /** tiflow only logs an ignore-sql it cannot parse, which is what the test of the server's part needs. */
    LocalFilterChecksTest() {
        super(ServerDialect.CLASSIC);
    }

    @TempDir
    Path dir;

    private String file(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text).toString();
    }

    private Cli.Result offline(String... args) {
        return new Cli().clock(clock).args("--server", NOBODY).run(args);
    }

    @Test
    void an_invalid_table_rule_is_refused_before_sending_with_tidbs_reason() throws Exception {
        String config = file("cf.toml", "[filter]\nrules = [\"test.*\", \"[bad\"]\n");

        Cli.Result r = offline("changefeed", "create", "cf-1", "--sink-uri", "blackhole://", "--config", config);

        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("Error: filter.rules has an invalid rule \"[bad\": syntax error: failed to parse character class\n"
                + "Hint: rules are TiDB table filters (db.table, wildcards, /regexp/):"
                + " https://docs.pingcap.com/tidb/stable/table-filter\n", r.err());
    }

    @Test
    void an_unknown_ignore_event_type_is_refused_with_the_known_ones() throws Exception {
        String config = file("cf.toml", "[[filter.event-filters]]\nmatcher = [\"test.*\"]\n"
                + "ignore-event = [\"insert\", \"inserts\"]\n");

        Cli.Result r = offline("changefeed", "create", "cf-1", "--sink-uri", "blackhole://", "--config", config);

        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: filter.event-filters[0].ignore-event has an unknown event type"
                + " \"inserts\" (TiCDC matches them exactly)\nHint: the types are: all dml, all ddl, insert, update,"),
                r::toString);
        assertTrue(r.err().contains("add foreign key"), "a type some server accepts is listed: " + r.err());
    }

    @Test
    void specs_and_updates_are_checked_too_and_an_event_filters_matcher_before_its_types() throws Exception {
        String spec = file("cf.json", "{\"id\":\"cf-1\",\"sink_uri\":\"blackhole://\",\"config\":{\"filter\":"
                + "{\"event_filters\":[{\"matcher\":[\"db\"],\"ignore_event\":[\"inserts\"]}]}}}");
        Cli.Result applied = offline("changefeed", "apply", "-f", spec, "--yes");
        assertEquals(2, applied.exitCode(), applied::toString);
        assertTrue(applied.err().startsWith("Error: filter.event-filters[0].matcher has an invalid rule \"db\": wrong"
                + " table pattern\n"), applied::toString);

        ok("changefeed", "create", "cf-1", "--sink-uri", "blackhole://");
        ok("changefeed", "pause", "cf-1");
        Cli.Result updated = cli.run("changefeed", "update", "cf-1", "--yes", "--config",
                file("bad.toml", "[filter]\nrules = [\"a.b.c\"]\n"));
        assertEquals(2, updated.exitCode(), updated::toString);
        assertTrue(updated.err().contains("\"a.b.c\": syntax error: stray characters after table pattern"),
                updated::toString);
    }

    @Test
    void dispatchers_are_checked_only_for_sinks_that_use_them() throws Exception {
        String config = file("cf.toml", "[[sink.dispatchers]]\nmatcher = [\"a%b.*\"]\npartition = \"table\"\n");

        Cli.Result kafka = offline("changefeed", "create", "cf-1", "--sink-uri",
                "kafka://127.0.0.1:9092/t?protocol=canal-json", "--config", config);
        assertEquals(2, kafka.exitCode(), kafka::toString);
        assertTrue(kafka.err().startsWith("Error: sink.dispatchers[0].matcher has an invalid rule \"a%b.*\":"
                + " unexpected special character '%'\n"), kafka::toString);

        // TiCDC builds no event router for other sinks, and accepts the rule there.
        ok("changefeed", "create", "cf-1", "--sink-uri", "blackhole://", "--config", config);
    }

    @Test
    void what_only_the_server_can_judge_is_left_to_it() throws Exception {
        // A rule file is read on the server, which has none here.
        Cli.Result imported = cli.run("changefeed", "create", "cf-1", "--sink-uri", "blackhole://", "--config",
                file("at.toml", "[filter]\nrules = [\"@/etc/ticdc/rules.txt\"]\n"));
        assertEquals(1, imported.exitCode(), imported::toString);
        assertTrue(imported.err().contains("cannot open filter file: open /etc/ticdc/rules.txt: no such file or"
                + " directory (CDC:ErrFilterRuleInvalid)"), imported::toString);

        // The classic server only logs an ignore-sql it cannot compile; the new architecture refuses it.
        ok("changefeed", "create", "cf-2", "--sink-uri", "blackhole://", "--config", file("sql.toml",
                "[[filter.event-filters]]\nmatcher = [\"*.*\"]\nignore-sql = [\"(unclosed\"]\n"));
    }
}
