package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.sandbox.ServerDialect;
import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.SandboxTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code changefeed wait} against the sandbox, classic and new. The sandbox and the CLI share the test clock, so waits
 * of minutes take as long as their HTTP polls.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(names = {"CLASSIC", "NEW_CLASSIC_KERNEL"})
class ChangefeedWaitTest extends SandboxTest {

    ChangefeedWaitTest(ServerDialect dialect) {
        super(dialect);
    }

    @Test
    void a_resumed_changefeed_is_waited_for_until_it_is_normal_and_the_state_change_is_shown() {
        ok("changefeed", "create", "orders", "--sink-uri", "blackhole://", "--paused");
        ok("changefeed", "resume", "orders", "--no-wait");

        Cli.Result r = ok("changefeed", "wait", "orders", "--for", "state=normal");

        assertEquals("changefeed \"orders\" is normal\n", r.out());
        // The classic owner resumes it a tick after the request; the new architecture before its answer.
        assertEquals("waiting up to 10m for changefeed \"orders\" to become normal (every 2s)\n"
                + (dialect.isNew() ? "" : "changefeed \"orders\": stopped\n")
                + "changefeed \"orders\": normal\n", r.err());
    }

    @Test
    void the_changefeed_id_may_be_given_with_c_and_quiet_hides_the_progress() {
        ok("changefeed", "create", "orders", "--sink-uri", "blackhole://");

        Cli.Result r = ok("changefeed", "wait", "-c", "orders", "--for", "state=normal", "-q");

        assertEquals("", r.out());
        assertEquals("", r.err());
    }

    @Test
    void waiting_for_synced_blocks_until_the_sink_caught_up_and_quiet_for_the_check_interval() {
        Instant created = clock.instant();
        ok("changefeed", "create", "orders", "--sink-uri", "blackhole://");
        assertEquals("false\n", ok("changefeed", "synced", "orders", "--jq", ".synced").out());

        Cli.Result r = ok("changefeed", "wait", "orders", "--for", "synced", "--interval", "10s");

        assertEquals("changefeed \"orders\" is synced\n", r.out());
        assertTrue(clock.instant().isAfter(created.plus(Duration.ofMinutes(5))), "synced needs 300s of quiet");
        assertTrue(clock.instant().isBefore(created.plus(Duration.ofMinutes(6))), "and then stops waiting");
        assertEquals("true\n", ok("changefeed", "synced", "orders", "--jq", ".synced").out());
    }

    @Test
    void with_json_output_the_changefeed_is_printed_as_last_seen() {
        ok("changefeed", "create", "orders", "--sink-uri", "blackhole://");

        Cli.Result r = ok("changefeed", "wait", "orders", "--for", "state=normal", "--jq", ".id + \" \" + .state");

        assertEquals("orders normal\n", r.out());
    }

    @Test
    void waiting_for_a_checkpoint_returns_once_the_checkpoint_is_at_or_past_it() {
        ok("changefeed", "create", "orders", "--sink-uri", "blackhole://");
        long target = Long.parseLong(ok("tso", "query").out().trim()) + (20_000L << 18);

        Cli.Result r = ok("changefeed", "wait", "orders", "--for", "checkpoint=" + target, "-o", "json",
                "--jq", ".checkpoint_ts");

        long checkpoint = Long.parseLong(r.out().trim());
        assertTrue(checkpoint >= target, r::toString);
        assertTrue(checkpoint < target + (5_000L << 18), () -> "stopped soon after: " + r);
        assertTrue(ok("changefeed", "wait", "orders", "--for", "checkpoint=" + target).out()
                .matches("changefeed \"orders\" has checkpoint \\d+ \\(\\S+Z\\), at or past " + target + "\n"));
    }

    @Test
    void a_wait_that_outlasts_its_timeout_exits_6_and_says_what_it_saw_last() {
        ok("changefeed", "create", "orders", "--sink-uri", "blackhole://", "--paused");
        Instant before = clock.instant();

        Cli.Result r = fails(6, "changefeed", "wait", "orders", "--for", "state=normal", "--timeout", "30s");

        assertEquals(Duration.ofSeconds(30), Duration.between(before, clock.instant()));
        assertEquals("waiting up to 30s for changefeed \"orders\" to become normal (every 2s)\n"
                + "changefeed \"orders\": stopped\n"
                + "Error: changefeed \"orders\" did not become normal within 30s (last seen: state stopped)\n"
                + "Hint: wait longer with --timeout, or see 'ticdcctl changefeed status orders'\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void a_changefeed_that_fails_while_waited_on_ends_the_wait_with_its_error() {
        ok("changefeed", "create", "orders", "--sink-uri", "blackhole://");
        // A warning that lasts longer than changefeed_error_stuck_duration (30m) fails the changefeed as unretryable.
        fault("orders", "{\"state\":\"warning\",\"code\":\"CDC:ErrKafkaNewProducer\","
                + "\"message\":\"kafka: client has run out of available brokers\",\"persist\":true}");

        Cli.Result r = fails(1, "changefeed", "wait", "orders", "--for", "synced", "--timeout", "1h",
                "--interval", "1m");

        assertTrue(r.err().contains("changefeed \"orders\": warning\nchangefeed \"orders\": failed\n"), r::toString);
        // tiflow's HandleWarning fails it as unretryable; ticdc's back-off gives up with the error it met.
        String code = dialect.isNew() ? "CDC:ErrKafkaNewProducer" : "CDC:ErrChangefeedUnretryable";
        assertTrue(r.err().contains("Error: changefeed \"orders\" failed while waiting for it to become synced:"
                + " kafka: client has run out of available brokers (" + code + ")\n"), r::toString);
        assertTrue(r.err().endsWith("Hint: see 'ticdcctl changefeed status orders'; once the cause is fixed,"
                + " 'ticdcctl changefeed resume orders'\n"), r::toString);
    }

    @Test
    void waiting_for_the_failed_state_succeeds_when_the_changefeed_fails() {
        ok("changefeed", "create", "orders", "--sink-uri", "blackhole://");
        fault("orders", "{\"state\":\"failed\",\"code\":\"CDC:ErrGCTTLExceeded\"}");

        assertEquals("changefeed \"orders\" is failed\n",
                ok("changefeed", "wait", "orders", "--for", "state=failed").out());
    }

    @Test
    void a_changefeed_that_does_not_exist_exits_3_from_the_first_poll() {
        Instant before = clock.instant();

        Cli.Result r = fails(3, "changefeed", "wait", "nope", "--for", "synced");

        assertTrue(r.err().contains("Error: " + notFoundError("nope") + "\n"), r::toString);
        assertEquals(before, clock.instant(), "no waiting");
    }

    @ParameterizedTest
    @ValueSource(strings = {"state=running", "normal", "synced=true", "checkpoint=", "checkpoint=yesterday", "ready"})
    void an_invalid_condition_exits_2_and_lists_the_valid_forms(String condition) {
        ok("changefeed", "create", "orders", "--sink-uri", "blackhole://");

        Cli.Result r = fails(2, "changefeed", "wait", "orders", "--for", condition);

        assertTrue(r.err().startsWith("Error: invalid --for '" + condition + "'"), r::toString);
        assertTrue(r.err().endsWith("; use one of state=normal|warning|pending|error|stopped|failed|finished, synced,"
                + " checkpoint=TSO|TIME\n"), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
    }

    @Test
    void the_condition_is_required() {
        Cli.Result r = fails(2, "changefeed", "wait", "orders");

        assertTrue(r.err().startsWith("Error: Missing required option: '--for=CONDITION'"), r::toString);
    }
}
