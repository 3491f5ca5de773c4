package dev.ticdcctl.cli.cluster;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticdcctl.cli.CliException;
import dev.ticdcctl.cli.ClusterAccess;
import dev.ticdcctl.cli.ErrorReporter;
import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.GroupCommand;
import dev.ticdcctl.cli.Printing;
import dev.ticdcctl.client.ApiException;
import dev.ticdcctl.client.TicdcClient;
import dev.ticdcctl.model.Capture;
import dev.ticdcctl.output.Output;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "log", description = "Change the log level of a capture, or of every capture.",
        footerHeading = "%nExamples:%n",
        footer = {"  ticdcctl log set debug", "  ticdcctl log set info --all-captures"})
public final class LogCommand extends GroupCommand {
    @Override
    public List<Class<?>> verbs() {
        return List.of(LogCommand.Set.class);
    }

    /** The zap levels TiCDC accepts. */
    enum Level { debug, info, warn, error, dpanic, panic, fatal }

    @Command(name = "set",
            description = {"Set the log level of the capture at --server (only that node; it is not forwarded), or with"
                + " --all-captures of every capture of the cluster.",
                "--all-captures takes each capture's address from 'capture list' and sets the level there, with the"
                    + " connection settings of the command (scheme, TLS, user, timeouts): the addresses must be"
                    + " reachable from here. It prints one line per capture, a summary on stderr, and exits with the"
                    + " worst result (see 'ticdcctl help exit-codes')."},
            footerHeading = "%nExamples:%n", footer = {"  ticdcctl --server 10.0.0.2:8300 log set debug",
                "  # every capture, e.g. while reproducing a problem", "  ticdcctl log set debug --all-captures"})
    static final class Set implements Callable<Integer> {
        @Parameters(paramLabel = "LEVEL", description = "One of: ${COMPLETION-CANDIDATES}.")
        Level level;

        @Option(names = "--all-captures",
                description = "Set it on every capture of the cluster, each at its address from 'capture list'.")
        boolean allCaptures;

        private final ClusterAccess cluster;
        private final Printing printing;

        Set(ClusterAccess cluster, Printing printing) {
            this.cluster = cluster;
            this.printing = printing;
        }

        @Override
        public Integer call() throws InterruptedException {
            if (allCaptures) {
                return onEveryCapture();
            }
            cluster.client().setLogLevel(level.name());
            printing.output().result("log level of " + cluster.server() + " set to " + level,
                    printing.mapper().createObjectNode());
            return ExitCode.OK.code();
        }

        /**
         * POST /api/v2/log runs on the capture that receives it (tiflow cdc/api/v2/api.go: not forwarded to the
         * owner), so each capture is asked at its own address, one after the other, in the order of the list.
         */
        private int onEveryCapture() throws InterruptedException {
            List<Capture> captures = cluster.client().listCaptures().value().items();
            Output output = printing.output();
            ArrayNode items = printing.mapper().createArrayNode();
            List<ExitCode> codes = new ArrayList<>();
            for (Capture capture : captures) {
                String name = "capture " + capture.address() + (capture.isOwner() ? " (owner)" : "");
                ObjectNode item = items.addObject().put("id", capture.id()).put("address", capture.address())
                        .put("is_owner", capture.isOwner());
                ExitCode code = ExitCode.OK;
                try {
                    setAt(capture);
                    item.put("ok", true);
                    output.result(name + ": log level set to " + level, null);
                } catch (InterruptedException e) {
                    throw e;
                } catch (Exception e) {
                    code = ErrorReporter.exitCode(e);
                    item.put("ok", false).putObject("error")
                            .put("code", e instanceof ApiException api && !api.errorCode().isEmpty()
                                    ? api.errorCode() : null)
                            .put("message", ErrorReporter.message(e));
                    output.error(name + ": " + ErrorReporter.message(e));
                }
                item.put("exit_code", code.code());
                codes.add(code);
            }
            if (output.machineReadable()) {
                output.resource(items, null);
            }
            long failed = codes.stream().filter(c -> c != ExitCode.OK).count();
            output.progress("log level " + level + ": set on " + (captures.size() - failed) + " of "
                    + captures.size() + " capture" + (captures.size() == 1 ? "" : "s")
                    + (failed == 0 ? "" : ", " + failed + " failed"));
            return ExitCode.worst(codes).code();
        }

        private void setAt(Capture capture) throws InterruptedException {
            TicdcClient client;
            try {
                client = cluster.captureClient(capture.address() == null ? "" : capture.address());
            } catch (IllegalArgumentException e) {
                throw new CliException.Failed("unusable address in the capture list: " + e.getMessage(), null);
            }
            client.setLogLevel(level.name());
        }
    }
}
