package dev.ticdcctl.cli.root;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;

/**
 * What operators type out of {@code cdc cli} habit (tiflow pkg/cmd/cli) and ticdcctl does not take, with where it
 * went: the one table {@link UsageErrorHandler} consults for an unknown option or command. Habits that ticdcctl can
 * honour are real options instead ({@code --start-ts 0}, {@code query -s}, {@code --disable-gc-check},
 * {@code --schema-registry}) or aliases ({@code query}, {@code remove}, {@code show-metadata}).
 */
final class CdcCliHabits {
    /** The answer to a habit: the {@code Error:} message and the {@code Hint:}. */
    record Answer(String error, String hint) {}

    private static final String BDR = "for replication in both directions set bdr-mode = true in the changefeed"
            + " config (--config)";

    /** Options, by name, on any command. */
    static final Map<String, Answer> OPTIONS = new LinkedHashMap<>();
    /** Commands, by the path that leads to them (without {@code ticdcctl}). */
    static final Map<String, Answer> COMMANDS = new LinkedHashMap<>();

    static {
        OPTIONS.put("--pd", new Answer("--pd is not taken: ticdcctl talks to a TiCDC server, not to PD",
                "give the server with --server http://HOST:8300 (or keep it in a context: 'ticdcctl config"
                        + " set-context'); 'tso query' asks PD through that server; 'unsafe reset' has no server API"
                        + " and stays with cdc cli"));
        OPTIONS.put("--log-level", new Answer("--log-level set cdc cli's own log, and ticdcctl writes no log",
                "--debug traces each request and response on stderr; a capture's log level is set with"
                        + " 'ticdcctl log set LEVEL'"));
        OPTIONS.put("--sort-engine", new Answer("--sort-engine is gone: cdc cli ignores it, TiCDC has one sorter",
                "drop the flag; nothing replaces it"));
        OPTIONS.put("--sort-dir", new Answer("--sort-dir is gone: the sorter writes under the TiCDC server's"
                + " data-dir", "drop the flag; set data-dir in the server's config instead"));
        OPTIONS.put("--tz", new Answer("--tz is gone: cdc cli ignores it",
                "a MySQL sink takes its time zone from the sink URI, e.g. mysql://HOST:4000/?time-zone=UTC"));
        for (String cyclic : List.of("--cyclic-replica-id", "--cyclic-filter-replica-ids", "--cyclic-sync-ddl")) {
            OPTIONS.put(cyclic, new Answer(cyclic + " is gone: cyclic replication was removed from TiCDC", BDR));
        }
        OPTIONS.put("--opts", new Answer("--opts is gone: sink options are sink URI parameters now",
                "put them in the sink URI's query (e.g. ?max-txn-row=256) or in the changefeed config (--config)"));
        OPTIONS.put("--sync-point", new Answer("--sync-point is gone: syncpoints are set in the changefeed config",
                "set enable-sync-point = true in the changefeed config (--config)"));
        OPTIONS.put("--sync-interval", new Answer("--sync-interval is gone: syncpoints are set in the changefeed"
                + " config", "set sync-point-interval = \"10m\" in the changefeed config (--config)"));
        for (String upstream : List.of("--upstream-pd", "--upstream-ca", "--upstream-cert", "--upstream-key")) {
            OPTIONS.put(upstream, new Answer(upstream + " is not taken: a changefeed replicates the upstream of the"
                    + " TiCDC server that creates it", "give --server a TiCDC server of that upstream"));
        }

        COMMANDS.put("changefeed statistics", new Answer("'changefeed statistics' is cdc cli's; ticdcctl shows lag"
                + " with 'changefeed status' and watches",
                "'ticdcctl changefeed status ID' for one changefeed's checkpoint and resolved lag;"
                        + " 'ticdcctl changefeed list --watch' refreshes the lag of all of them"));
        COMMANDS.put("changefeed cyclic", new Answer("'changefeed cyclic' is gone: cyclic replication was removed"
                + " from TiCDC", BDR));
        COMMANDS.put("configure-credentials", new Answer("'configure-credentials' is cdc cli's; ticdcctl keeps a"
                + " cluster's server and credentials in a context",
                "ticdcctl config set-context NAME --server URL --user USER --password-env VAR --use"
                        + " (~/.ticdc/credentials is still read)"));
        COMMANDS.put("unsafe reset", new Answer("'unsafe reset' has no TiCDC server API: it works on PD and etcd"
                + " directly", "run it with cdc cli (cdc cli unsafe reset --pd URL); ticdcctl has 'unsafe metadata'"
                        + " and 'unsafe delete-service-gc-safepoint'"));
    }

    private CdcCliHabits() {}

    /**
     * The answer to the first of {@code unmatched}, unknown to {@code command}, if it is a cdc cli habit; {@code args}
     * are the whole command line (picocli goes on to parse what follows an unknown word as commands).
     */
    static Optional<Answer> answer(CommandLine command, List<String> unmatched, String[] args) {
        String typed = unmatched.get(0);
        if (typed.startsWith("-")) {
            return Optional.ofNullable(OPTIONS.get(typed.replaceFirst("=.*", "")));
        }
        String parent = command.getCommandSpec().qualifiedName().replaceFirst("^\\S+\\s*", "");
        if (parent.isEmpty() && typed.equals("cli")) {
            int at = List.of(args).indexOf("cli");
            String next = at >= 0 && at + 1 < args.length ? args[at + 1] : "";
            return Optional.of(COMMANDS.getOrDefault(next, new Answer("ticdcctl takes cdc cli's commands without"
                    + " 'cli'", "type 'ticdcctl " + (next.isEmpty() || next.startsWith("-") ? "--help" : next + " ...")
                            + "'")));
        }
        return Optional.ofNullable(COMMANDS.get(parent.isEmpty() ? typed : parent + " " + typed));
    }
}
