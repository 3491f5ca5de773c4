package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.sandbox.ServerDialect;
import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.SandboxTest;
import org.junit.jupiter.api.Test;

/** A capture named by its address ({@code host:port} from {@code capture list}) against the sandbox's three captures. */
class CapturesByAddressTest extends SandboxTest {
    private static final String RESIGN_HINT =
            "Hint: resign it first with 'ticdcctl owner resign --yes --wait', then drain it\n";

    /**
     * The classic server: processor get by a capture's address needs real processors, where the new architecture
     * answers fixed stubs.
     */
    CapturesByAddressTest() {
        super(ServerDialect.CLASSIC);
    }

    private String first(String filter) {
        return ok("capture", "list", "--jq", "[.items[] | select(" + filter + ")][0] | .id + \" \" + .address")
                .out().trim();
    }

    @Test
    void a_capture_is_drained_by_its_address() {
        ok("changefeed", "create", "cf-1", "--sink-uri", "blackhole://");
        String[] other = first(".is_owner | not").split(" ");

        Cli.Result r = ok("capture", "drain", other[1], "--yes", "--wait");

        assertEquals("capture " + other[1] + " (" + other[0] + ") drained: no tables left\n", r.out(), r::toString);
        assertEquals("0\n", ok("processor", "list", "--jq",
                "[.items[] | select(.capture_id == \"" + other[0] + "\")] | length").out());
    }

    @Test
    void the_owner_by_address_is_refused_with_the_way_out() {
        String[] owner = first(".is_owner").split(" ");

        Cli.Result r = fails(1, "capture", "drain", owner[1], "--yes");

        assertEquals("Error: capture " + owner[1] + " (" + owner[0] + ") is the owner, and the owner cannot be"
                + " drained\n" + RESIGN_HINT, r.err(), r::toString);
    }

    @Test
    void the_owner_by_id_is_refused_by_the_server_with_the_same_way_out_and_exit_code() {
        String owner = first(".is_owner").split(" ")[0];

        Cli.Result r = fails(1, "capture", "drain", owner, "--yes");

        assertEquals("Error: scheduler request failed, cannot drain the owner (CDC:ErrSchedulerRequestFailed)\n"
                + RESIGN_HINT, r.err(), r::toString);
    }

    @Test
    void after_resigning_the_former_owner_can_be_drained_by_its_address() {
        String[] owner = first(".is_owner").split(" ");
        ok("owner", "resign", "--yes", "--wait");

        Cli.Result r = ok("capture", "drain", owner[1], "--yes");

        assertTrue(r.out().startsWith("capture " + owner[1] + " (" + owner[0] + ") draining: "), r::toString);
    }

    @Test
    void an_address_no_capture_has_exits_3_naming_the_addresses() {
        String addresses = ok("capture", "list", "--jq", "[.items[] | .address] | join(\" \")").out().trim();

        Cli.Result r = fails(3, "capture", "drain", "127.0.0.1:1", "--yes");

        assertTrue(r.err().startsWith("Error: no capture has the ID or address '127.0.0.1:1'\n"
                + "Hint: the captures are at "), r::toString);
        for (String address : addresses.split(" ")) {
            assertTrue(r.err().contains(address), () -> address + " listed\n" + r);
        }
    }

    @Test
    void processor_get_by_address_answers_as_by_id() {
        ok("changefeed", "create", "cf-1", "--sink-uri", "blackhole://");
        String id = ok("processor", "list", "--jq", ".items[0].capture_id").out().trim();
        String address = ok("capture", "list", "--jq", ".items[] | select(.id == \"" + id + "\") | .address")
                .out().trim();

        Cli.Result byAddress = ok("processor", "get", "cf-1", address);
        Cli.Result byOption = ok("processor", "query", "-c", "cf-1", "-p", address);

        assertEquals(ok("processor", "get", "cf-1", id).out(), byAddress.out());
        assertEquals(byAddress.out(), byOption.out());
        assertTrue(byAddress.out().contains(id), byAddress::toString);
    }

    @Test
    void processor_get_of_an_unknown_address_exits_3() {
        ok("changefeed", "create", "cf-1", "--sink-uri", "blackhole://");

        Cli.Result r = fails(3, "processor", "get", "cf-1", "127.0.0.1:1");

        assertTrue(r.err().startsWith("Error: no capture has the ID or address '127.0.0.1:1'\n"), r::toString);
    }
}
