package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ticdcctl.sandbox.Sandbox;
import dev.ticdcctl.sandbox.ServerDialect;
import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.SandboxTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A directory of specs as the truth about a cluster's changefeeds: the plan, apply in a safe order, prune, drift
 * (exit 8), and an index of clusters, against sandboxes of both architectures.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(names = {"CLASSIC", "NEW_CLASSIC_KERNEL"})
class ChangefeedsAsCodeTest extends SandboxTest {
    @TempDir
    Path dir;

    ChangefeedsAsCodeTest(ServerDialect dialect) {
        super(dialect);
    }

    private Path specs() throws IOException {
        return Files.createDirectories(dir.resolve("specs"));
    }

    private Path write(Path directory, String name, String text) throws IOException {
        return Files.writeString(Files.createDirectories(directory).resolve(name), text);
    }

    private static String spec(String id, String sinkUri, String config) {
        return "id = \"" + id + "\"\nsink-uri = \"" + sinkUri + "\"\n" + (config == null ? "" : "\n[config]\n"
                + config + "\n");
    }

    private Cli.Result run(int exitCode, Cli at, String... args) {
        Cli.Result r = at.run(args);
        assertEquals(exitCode, r.exitCode(), r::toString);
        assertFalse(r.err().contains("\tat "), () -> "no stack trace\n" + r);
        return r;
    }

    private long count(Cli at) {
        return Long.parseLong(run(0, at, "changefeed", "list", "--all", "--jq", ".total").out().trim());
    }

    @Test
    void export_apply_to_an_empty_cluster_diff_change_apply_diff_is_a_round_trip() throws Exception {
        ok("changefeed", "create", "orders", "--sink-uri", "blackhole://", "--config",
                write(dir, "cf.toml", "memory-quota = 3221225472\n[filter]\nrules = [\"shop.*\"]\n").toString());
        ok("changefeed", "create", "users", "--sink-uri", "blackhole://");
        Path specs = specs();
        ok("changefeed", "export", "--all", "--dir", specs.toString());
        // what a cluster exports describes it whole: pruning with it would change nothing
        assertEquals("= unchanged orders (" + specs.resolve("orders.toml") + ")\n= unchanged users ("
                + specs.resolve("users.toml") + ")\nPlan: 2 unchanged\n",
                run(0, cli, "changefeed", "diff", "-f", specs.toString(), "--prune").out());

        try (Sandbox other = start(Sandbox.Options.defaults().withTick(Duration.ofMillis(500)).withClock(clock)
                .withDialect(dialect))) {
            Cli there = cliAt(other.url());
            Cli.Result applied = run(0, there, "changefeed", "apply", "-f", specs.toString());
            assertEquals("changefeed \"orders\" created\nchangefeed \"users\" created\n", applied.out());
            assertTrue(applied.err().startsWith("+ create    orders (" + specs.resolve("orders.toml") + ")\n"
                    + "+ create    users (" + specs.resolve("users.toml") + ")\nPlan: 2 to create\n"), applied::toString);
            assertTrue(applied.err().endsWith("2 created\n"), applied::toString);

            Cli.Result clean = run(0, there, "changefeed", "diff", "-f", specs.toString());
            assertEquals("= unchanged orders (" + specs.resolve("orders.toml") + ")\n= unchanged users ("
                    + specs.resolve("users.toml") + ")\nPlan: 2 unchanged\n", clean.out());

            Path orders = specs.resolve("orders.toml");
            Files.writeString(orders, Files.readString(orders).replace("3221225472", "1073741824"));
            Cli.Result drift = run(8, there, "changefeed", "diff", "-f", specs.toString(), "--restart");
            assertTrue(drift.out().startsWith("~ update    orders (" + orders + "): it is normal, so it is paused,"
                    + " updated and resumed\n    config.memory_quota: 3221225472 → 1073741824\n= unchanged users"), drift::toString);
            assertTrue(drift.out().endsWith("Plan: 1 to update, 1 unchanged\n"), drift::toString);

            Cli.Result updated = run(0, there, "changefeed", "apply", "-f", specs.toString(), "--restart", "--yes");
            assertEquals("changefeed \"users\" already has these settings; nothing was sent\nchangefeed \"orders\""
                    + " updated\n", updated.out());
            assertEquals("1073741824\n", run(0, there, "changefeed", "get", "orders", "--jq", ".config.memory_quota")
                    .out());
            run(0, there, "changefeed", "diff", "-f", specs.toString());
        }
    }
    @Test
    void one_directory_creates_updates_and_leaves_alone_in_one_plan() throws Exception {
        ok("changefeed", "create", "a", "--sink-uri", "blackhole://");
        ok("changefeed", "create", "b", "--sink-uri", "blackhole://", "--paused");
        Path specs = specs();
        write(specs, "a.toml", spec("a", "blackhole://", null));
        write(specs, "b.toml", spec("b", "blackhole://", "memory-quota = 2147483648"));
        write(specs, "c.yaml", "id: c\nsink_uri: blackhole://\n");

        Cli.Result r = ok("changefeed", "apply", "-f", specs.toString(), "--yes");

        assertTrue(r.err().startsWith("= unchanged a (" + specs.resolve("a.toml") + ")\n~ update    b ("
                + specs.resolve("b.toml") + ")\n    config.memory_quota: "), r::toString);
        assertTrue(r.err().contains("\n+ create    c (" + specs.resolve("c.yaml") + ")\nPlan: 1 to create, 1 to"
                + " update, 1 unchanged\n"), r::toString);
        assertEquals("changefeed \"a\" already has these settings; nothing was sent\nchangefeed \"c\" created\n"
                + "changefeed \"b\" updated\n", r.out(), "creates before updates");
        assertTrue(r.err().endsWith("\n1 created, 1 updated, 1 unchanged\n"), r::toString);
        assertEquals("2147483648\n", ok("changefeed", "get", "b", "--jq", ".config.memory_quota").out());
        assertEquals(3, count(cli));
    }

    @Test
    void f_repeats_and_mixes_directories_files_and_stdin() throws Exception {
        Path specs = specs();
        write(specs, "a.toml", spec("a", "blackhole://", null));
        write(specs, "notes.txt", "not a spec");
        Path b = write(dir, "b.json", "{\"id\": \"b\", \"sink_uri\": \"blackhole://\"}");

        Cli.Result r = cli.stdin("id: c\nsink_uri: blackhole://\n").run("changefeed", "apply", "-f", specs.toString(),
                "-f", b.toString(), "-f", "-");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("+ create    a (" + specs.resolve("a.toml") + ")\n+ create    b (" + b
                + ")\n+ create    c (<stdin>)\nPlan: 3 to create\n"), r::toString);
        assertEquals(3, count(cliAt(sandbox.url())));
    }

    @Test
    void prune_deletes_only_what_no_spec_describes_and_only_when_asked() throws Exception {
        ok("changefeed", "create", "a", "--sink-uri", "blackhole://");
        ok("changefeed", "create", "legacy", "--sink-uri", "blackhole://");
        Path specs = specs();
        write(specs, "a.toml", spec("a", "blackhole://", null));

        Cli.Result kept = ok("changefeed", "apply", "-f", specs.toString());
        assertTrue(kept.err().contains("\n1 changefeed in namespace default of cluster " + sandbox.url()
                + " is described by no spec and left alone (--prune deletes it)\n"), kept::toString);
        assertEquals(2, count(cli));

        Cli.Result declined = cli.onTerminal(120).stdin("n\n").run("changefeed", "apply", "-f", specs.toString(),
                "--prune");
        assertEquals(7, declined.exitCode(), declined::toString);
        assertTrue(declined.err().contains("- delete    legacy (no spec describes it)\n"), declined::toString);
        assertTrue(declined.err().contains("Apply this plan: delete 1 (legacy) in namespace default of cluster "
                + sandbox.url() + "? [y/N] "), declined::toString);
        assertEquals(2, count(cliAt(sandbox.url())));

        Cli.Result pruned = run(0, cliAt(sandbox.url()), "changefeed", "apply", "-f", specs.toString(), "--prune",
                "--yes");
        assertEquals("changefeed \"a\" already has these settings; nothing was sent\nchangefeed \"legacy\" deleted\n",
                pruned.out());
        assertEquals(1, count(cliAt(sandbox.url())));
    }

    @Test
    void a_finished_changefeed_counts_as_described_and_an_undescribed_one_is_left_alone() throws Exception {
        String now = ok("tso", "query").out().trim();
        String soon = Long.toString(Long.parseLong(now) + (5_000L << 18));
        ok("changefeed", "create", "backfill", "--sink-uri", "blackhole://", "--target-ts", soon);
        ok("changefeed", "create", "old-backfill", "--sink-uri", "blackhole://", "--target-ts", soon);
        clock.sleep(Duration.ofSeconds(30));
        assertEquals("finished\n", ok("changefeed", "get", "backfill", "--jq", ".state").out());
        Path specs = specs();
        Path backfill = write(specs, "backfill.toml", ok("changefeed", "export", "backfill").out());

        Cli.Result matches = run(0, cli, "changefeed", "diff", "-f", specs.toString(), "--prune");
        assertEquals("= unchanged backfill (" + backfill + ")\nPlan: 1 unchanged\n", matches.out());

        Files.writeString(backfill, Files.readString(backfill).replace("memory-quota = 1073741824",
                "memory-quota = 2147483648"));
        Cli.Result blocked = run(1, cli, "changefeed", "apply", "-f", specs.toString(), "--prune", "--yes");
        assertTrue(blocked.err().startsWith("! blocked   backfill (" + backfill + "): it is finished (it reached its"
                + " target-ts) and cannot be updated; delete it and apply again to re-create it\n    config.memory_quota:"),
                blocked::toString);
        assertEquals("", blocked.out());
        assertEquals("finished\n", ok("changefeed", "get", "old-backfill", "--jq", ".state").out());
        assertTrue(blocked.err().contains("\nError: changefeed \"backfill\" was not changed: it is finished"),
                blocked::toString);
        assertTrue(blocked.err().endsWith("\n1 blocked\n"), blocked::toString);
    }

    @Test
    void two_specs_of_one_changefeed_are_a_usage_error_naming_both_files_before_anything_is_sent()
            throws Exception {
        Path specs = specs();
        Path one = write(specs, "one.toml", spec("x", "blackhole://", null));
        Path two = write(specs, "two.json", "{\"id\": \"x\", \"sink_uri\": \"blackhole://\"}");
        write(specs, "a.toml", spec("a", "blackhole://", null));

        Cli.Result r = fails(2, "changefeed", "apply", "-f", specs.toString(), "--yes");

        assertEquals("Error: changefeed \"x\" in namespace default is described twice: by " + one + " and by " + two
                + "\nHint: keep one spec per changefeed\n", r.err());
        assertEquals(0, count(cli));

        Files.delete(two);
        Path bad = write(specs, "bad.toml", spec("no_underscores", "blackhole://", null));
        Cli.Result invalid = fails(2, "changefeed", "diff", "-f", specs.toString());
        assertTrue(invalid.err().startsWith("Error: " + bad + ": invalid changefeed ID 'no_underscores'"),
                invalid::toString);
    }

    @Test
    void a_running_changefeed_is_blocked_without_restart_and_the_rest_is_carried_out() throws Exception {
        ok("changefeed", "create", "busy", "--sink-uri", "blackhole://");
        Path specs = specs();
        Path busy = write(specs, "busy.toml", spec("busy", "blackhole://", "memory-quota = 2147483648"));
        write(specs, "new.toml", spec("new", "blackhole://", null));

        Cli.Result r = run(1, cli, "changefeed", "apply", "-f", specs.toString(), "--yes");

        assertTrue(r.err().startsWith("! blocked   busy (" + busy + "): it is normal, and only a stopped or failed"
                + " changefeed can be updated; add --restart to pause, update and resume it\n"), r::toString);
        assertEquals("changefeed \"new\" created\n", r.out());
        assertTrue(r.err().contains("\nError: changefeed \"busy\" was not changed: it is normal"), r::toString);
        assertTrue(r.err().endsWith("\n1 created, 1 blocked\n"), r::toString);
        assertEquals("normal\n", ok("changefeed", "get", "busy", "--jq", ".state").out());
        assertFalse(ok("changefeed", "get", "busy", "--jq", ".config.memory_quota").out().equals("2147483648\n"));
    }

    @Test
    void dry_run_prints_the_plan_and_sends_nothing() throws Exception {
        ok("changefeed", "create", "b", "--sink-uri", "blackhole://", "--paused");
        ok("changefeed", "create", "legacy", "--sink-uri", "blackhole://");
        Path specs = specs();
        write(specs, "b.toml", spec("b", "blackhole://", "memory-quota = 2147483648"));
        write(specs, "c.toml", spec("c", "blackhole://", null));
        String before = ok("changefeed", "get", "b", "--jq", ".config.memory_quota").out();

        Cli.Result r = ok("changefeed", "apply", "-f", specs.toString(), "--prune", "--dry-run");
        Cli.Result json = ok("changefeed", "apply", "-f", specs.toString(), "--prune", "--dry-run", "-o", "json");

        assertEquals("", r.out());
        assertTrue(r.err().endsWith("Plan: 1 to create, 1 to update, 1 to delete\nDry run: nothing was sent\n"),
                r::toString);
        assertEquals(List.of("update", "create", "delete"), actions(json.out()));
        assertEquals(before, ok("changefeed", "get", "b", "--jq", ".config.memory_quota").out());
        assertEquals(2, count(cli));
    }

    @Test
    void diff_as_json_is_the_plan_as_data_with_secrets_masked() throws Exception {
        ok("changefeed", "create", "k", "--sink-uri", "kafka://127.0.0.1:9092/t?protocol=canal-json", "--paused");
        Path specs = specs();
        Path k = write(specs, "k.toml", spec("k", "kafka://127.0.0.2:9092/t?protocol=canal-json&sasl-password"
                + "=Topsecret1", null));

        Cli.Result r = run(8, cli, "changefeed", "diff", "-f", specs.toString(), "-o", "json");

        assertFalse(r.out().contains("Topsecret1"), r::toString);
        assertTrue(r.out().startsWith("{"), r::toString);
        JsonNode plan = new ObjectMapper().readTree(r.out());
        assertFalse(plan.path("in_sync").asBoolean(true), r::toString);
        assertEquals(1, plan.path("counts").path("update").asInt(), r::toString);
        assertEquals(0, plan.path("counts").path("create").asInt(), r::toString);
        JsonNode item = plan.path("changefeeds").get(0);
        assertTrue(item.path("cluster").isNull(), r::toString);
        assertEquals(sandbox.url().toString(), item.path("server").asText());
        assertEquals("default", item.path("namespace").asText());
        assertEquals("k", item.path("id").asText());
        assertEquals("update", item.path("action").asText());
        assertEquals(k.toString(), item.path("file").asText());
        assertTrue(item.path("reason").isNull(), r::toString);
        assertEquals("sink-uri: kafka://127.0.0.1:9092/t?protocol=canal-json → kafka://127.0.0.2:9092/t?protocol"
                + "=canal-json&sasl-password=xxxxx", item.path("changes").get(0).asText());
    }

    @Test
    void apply_as_json_gives_each_changefeeds_result() throws Exception {
        ok("changefeed", "create", "busy", "--sink-uri", "blackhole://");
        Path specs = specs();
        write(specs, "busy.toml", spec("busy", "blackhole://", "memory-quota = 2147483648"));
        write(specs, "db.toml", spec("db", "blackhole://root:Topsecret1@127.0.0.1:3306/", null));

        Cli.Result r = run(1, cli, "changefeed", "apply", "-f", specs.toString(), "--yes", "-o", "json");

        assertFalse(r.out().contains("Topsecret1"), r::toString);
        JsonNode items = new ObjectMapper().readTree(r.out()).path("changefeeds");
        assertEquals("blocked", items.get(0).path("result").asText(), r::toString);
        assertEquals(1, items.get(0).path("exit_code").asInt(), r::toString);
        assertTrue(items.get(0).path("error").asText().startsWith("it is normal, and only"), r::toString);
        assertEquals("created", items.get(1).path("result").asText(), r::toString);
        assertEquals("db", items.get(1).path("changefeed").path("id").asText(), r::toString);
        assertTrue(items.get(1).path("error").isNull(), r::toString);
    }

    @Test
    void diff_exits_0_in_sync_8_on_drift_and_the_servers_own_code_when_it_cannot_be_reached() throws Exception {
        ok("changefeed", "create", "a", "--sink-uri", "blackhole://");
        Path specs = specs();
        write(specs, "a.toml", spec("a", "blackhole://", null));

        run(0, cli, "changefeed", "diff", "-f", specs.toString());
        ok("changefeed", "delete", "a", "--yes");
        Cli.Result drift = run(8, cli, "changefeed", "diff", "-f", specs.toString());
        Cli.Result unreachable = run(5, new Cli().clock(clock), "--server", "http://127.0.0.1:1", "--retries", "0",
                "changefeed", "diff", "-f", specs.toString());

        assertTrue(drift.out().startsWith("+ create    a ("), drift::toString);
        assertTrue(unreachable.err().startsWith("Error: "), unreachable::toString);
    }

    @Test
    void changing_an_existing_changefeed_needs_yes_off_a_terminal_and_a_yes_on_one() throws Exception {
        ok("changefeed", "create", "b", "--sink-uri", "blackhole://", "--paused");
        Path specs = specs();
        write(specs, "b.toml", spec("b", "blackhole://", "memory-quota = 2147483648"));
        String before = ok("changefeed", "get", "b", "--jq", ".config.memory_quota").out();

        Cli.Result piped = fails(2, "changefeed", "apply", "-f", specs.toString());
        assertTrue(piped.err().endsWith("Error: --yes is required when not running interactively\nHint: add --yes"
                + " (or --no-confirm) after checking what the command will do\n"), piped::toString);
        assertEquals(before, ok("changefeed", "get", "b", "--jq", ".config.memory_quota").out());

        Cli.Result agreed = cli.onTerminal(120).stdin("y\n").run("changefeed", "apply", "-f", specs.toString());
        assertEquals(0, agreed.exitCode(), agreed::toString);
        assertTrue(agreed.err().contains("Apply this plan: update 1 in namespace default of cluster "
                + sandbox.url() + "? [y/N] "), agreed::toString);
        assertEquals("2147483648\n", ok("changefeed", "get", "b", "--jq", ".config.memory_quota").out());
    }

    @Test
    void an_index_applies_each_subdirectory_to_its_own_cluster() throws Exception {
        try (Sandbox west = start(Sandbox.Options.defaults().withTick(Duration.ofMillis(500)).withClock(clock)
                .withDialect(dialect))) {
            Path clusters = dir.resolve("clusters");
            write(clusters, "ticdcctl.toml", "[clusters.east]\nserver = \"" + sandbox.url() + "\"\n\n"
                    + "[clusters.west]\nserver = \"" + west.url() + "\"\n");
            write(clusters.resolve("east"), "orders.toml", spec("orders", "blackhole://", null));
            write(clusters.resolve("west"), "users.toml", spec("users", "blackhole://", null));
            Cli anywhere = new Cli().clock(clock).env("TICDCCTL_SERVER", "http://127.0.0.1:1");

            Cli.Result applied = run(0, anywhere, "changefeed", "apply", "-f", clusters.toString(), "--yes");
            Cli.Result clean = run(0, anywhere, "changefeed", "diff", "-f", clusters.toString());

            assertEquals("east: changefeed \"orders\" created\nwest: changefeed \"users\" created\n", applied.out());
            assertEquals("east: namespace default of cluster " + sandbox.url() + "\n  = unchanged orders ("
                    + clusters.resolve("east/orders.toml") + ")\nwest: namespace default of cluster " + west.url()
                    + "\n  = unchanged users (" + clusters.resolve("west/users.toml") + ")\nPlan: 2 unchanged\n",
                    clean.out());
            assertEquals("orders\n", run(0, cliAt(sandbox.url()), "changefeed", "list", "--jq", ".items[].id").out());
            assertEquals("users\n", run(0, cliAt(west.url()), "changefeed", "list", "--jq", ".items[].id").out());

            Cli.Result flag = run(2, cliAt(west.url()), "changefeed", "diff", "-f", clusters.toString());
            assertTrue(flag.err().startsWith("Error: --server cannot be used with an index of clusters ("
                    + clusters.resolve("ticdcctl.toml") + ":1), which chooses each cluster\n"), flag::toString);
        }
    }

    @Test
    void the_password_read_from_stdin_serves_every_cluster_of_an_index() throws Exception {
        try (Sandbox east = start(Sandbox.Options.defaults().withClock(clock).withDialect(dialect)
                        .withAuth("root", "s3cret"));
                Sandbox west = start(Sandbox.Options.defaults().withClock(clock).withDialect(dialect)
                        .withAuth("root", "s3cret"))) {
            Path clusters = dir.resolve("clusters");
            write(clusters, "ticdcctl.toml", "[clusters.east]\nserver = \"" + east.url() + "\"\n[clusters.west]\n"
                    + "server = \"" + west.url() + "\"\n");
            write(clusters.resolve("east"), "a.toml", spec("a", "blackhole://", null));
            write(clusters.resolve("west"), "b.toml", spec("b", "blackhole://", null));

            Cli.Result r = run(0, new Cli().clock(clock).stdin("s3cret\n"), "--user", "root", "--password-stdin",
                    "changefeed", "apply", "-f", clusters.toString());

            assertEquals("east: changefeed \"a\" created\nwest: changefeed \"b\" created\n", r.out());
        }
    }

    @Test
    void an_index_reaches_clusters_through_contexts_of_the_config_file() throws Exception {
        try (Sandbox staging = start(Sandbox.Options.defaults().withTick(Duration.ofMillis(500)).withClock(clock)
                .withDialect(dialect))) {
            Path config = write(dir, "config.toml", "current-context = \"prod\"\n[contexts.\"prod\"]\nserver = \""
                    + sandbox.url() + "\"\n[contexts.\"staging\"]\nserver = \"" + staging.url() + "\"\n");
            Path clusters = dir.resolve("clusters");
            write(clusters, "ticdcctl.toml", "[clusters.prod]\ncontext = \"prod\"\n[clusters.staging]\ncontext ="
                    + " \"staging\"\n");
            write(clusters.resolve("prod"), "a.toml", spec("a", "blackhole://", "memory-quota = 3221225472"));
            write(clusters.resolve("staging"), "a.toml", spec("a", "blackhole://", "memory-quota = 2147483648"));
            Cli withContexts = new Cli().clock(clock).args("--config-file", config.toString());

            run(0, withContexts, "changefeed", "apply", "-f", clusters.toString());
            Cli.Result drift = run(8, withContexts, "changefeed", "diff", "-f", clusters.resolve("prod").toString(),
                    "--context", "staging", "--restart");

            assertEquals("2147483648\n", run(0, cliAt(staging.url()), "changefeed", "get", "a", "--jq",
                    ".config.memory_quota").out());
            assertTrue(drift.out().startsWith("~ update    a ("), "a directory alone goes to --context\n" + drift);
        }
    }

    @Test
    void a_bad_index_is_a_usage_error_naming_its_file_and_line() throws Exception {
        Path clusters = dir.resolve("clusters");
        Path index = write(clusters, "ticdcctl.toml", "[clusters.prod]\ncontext = \"prod\"\nsevrer = \"x\"\n");
        write(clusters.resolve("prod"), "a.toml", spec("a", "blackhole://", null));

        Cli.Result unknown = fails(2, "changefeed", "apply", "-f", clusters.toString());
        Files.writeString(index, "# clusters\n\n[clusters.prod]\ncontext = \"prod\"\nserver = \"http://x\"\n");
        Cli.Result both = fails(2, "changefeed", "diff", "-f", clusters.toString());
        Files.writeString(index, "[clusters.prod]\ncontext = \"prod\"\n[clusters.qa]\ncontext = \"qa\"\n");
        Cli.Result missing = fails(2, "changefeed", "diff", "-f", clusters.toString());

        assertEquals("Error: " + index + ":3: unknown key 'sevrer' in clusters.prod (a cluster has: context, keyspace,"
                + " namespace, server)\n", unknown.err());
        assertEquals("Error: " + index + ":3: clusters.prod needs either context = \"...\" or server = \"...\", not"
                + " both\n", both.err());
        assertEquals("Error: " + index + ":3: clusters.qa has no directory " + clusters.resolve("qa") + "\n",
                missing.err());
    }

    private static List<String> actions(String json) throws IOException {
        List<String> actions = new java.util.ArrayList<>();
        new ObjectMapper().readTree(json).path("changefeeds").forEach(i -> actions.add(i.path("action").asText()));
        return actions;
    }
}
