package dev.ticdcctl.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** Help topics printed by {@code ticdcctl help TOPIC}. */
final class HelpTopics {
    static final Map<String, String> TOPICS = new LinkedHashMap<>();

    static {
        TOPICS.put("exit-codes", """
                Exit codes of ticdcctl (stable; scripts may rely on them):

                  0    success, including a no-op such as pausing a stopped changefeed
                  1    the operation failed: an error reported by the server, or an unexpected failure
                  2    usage error or invalid input (unknown flag, bad ID, malformed file,
                       --yes needed off a terminal); nothing was sent
                  3    not found (CDC:ErrChangeFeedNotExists, CDC:ErrCaptureNotExist), decided by the
                       server's error_code, not its HTTP status (TiCDC answers not-found with 400)
                  4    authentication or authorization failed (HTTP 401, CDC:ErrCredentialNotFound,
                       CDC:ErrUnauthorized)
                  5    the server could not be reached (connection refused, unknown host, TLS handshake,
                       connect or request timeout)
                  6    a wait ended by its timeout before the condition held
                  7    the user declined a confirmation prompt
                  130  interrupted (Ctrl-C)

                Bulk actions (changefeed pause, resume and delete with several IDs, --all or --match)
                report each changefeed and exit with the worst result, ranked from best to worst:
                ok 0, not found 3, wait timeout 6, failed 1, unauthorized 4, unreachable 5.
                An --all or --match that selects nothing succeeds (0); a declined confirmation is 7.
                """);
        TOPICS.put("environment", """
                Environment variables read by ticdcctl (a flag always wins over its variable):

                  TICDCCTL_SERVER      TiCDC server address, as --server (default http://127.0.0.1:8300)
                  TICDCCTL_NAMESPACE   changefeed namespace, as -n/--namespace (default: default)
                  NO_COLOR             when set, no colour even on a terminal (--color always still wins)
                  COLUMNS              terminal width used to fit tables
                """);
    }

    private HelpTopics() {}
}
