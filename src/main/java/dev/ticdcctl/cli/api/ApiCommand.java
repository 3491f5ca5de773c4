package dev.ticdcctl.cli.api;

import dev.ticdcctl.cli.ClusterAccess;
import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.Printing;
import dev.ticdcctl.cli.UserInput;
import dev.ticdcctl.client.HttpTransport;
import dev.ticdcctl.output.Secrets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "api",
        description = {"Send a request to any route of the server, with the connection settings of every other"
            + " command (server, TLS, credentials, timeouts, retries of reads): for routes newer than this tool.",
            "A PATH starting with /api/ is sent as given (/api/v2/..., /api/v1/...); any other is relative to"
                + " /api/v2/, so 'changefeeds' and '/changefeeds' both mean /api/v2/changefeeds. The query string is"
                + " kept. A URL is refused: the server comes from --server, TICDCCTL_SERVER or the context.",
            "A JSON answer is pretty-printed (--jq and -o yaml apply; secrets masked unless --show-secrets), any"
                + " other answer is printed as received, an empty one prints nothing. Errors exit as for every"
                + " command ('ticdcctl help exit-codes')."},
        footerHeading = "%nExamples:%n",
        footer = {"  # the IDs of all changefeeds, finished ones included",
            "  ticdcctl api 'changefeeds?state=all' --jq '.items[].id'",
            "  # a body from a file (POST is the default with --input)",
            "  ticdcctl api -X POST /api/v2/log --input level.json",
            "  # a body from stdin, with another header",
            "  echo '{\"log_level\":\"info\"}' | ticdcctl api log --input - -H 'X-Request-Id: 42'"})
public final class ApiCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PATH", description = "The route, with its query string: /api/... as given, anything"
            + " else under /api/v2/.")
    String path;

    @Option(names = {"-X", "--method"}, paramLabel = "METHOD",
            description = "GET (the default), POST (the default with --input), PUT, PATCH, DELETE, HEAD or OPTIONS.")
    String method;

    @Option(names = "--input", paramLabel = "FILE",
            description = "Send the body read from FILE ('-' for stdin). Sent as application/json and so checked to"
                    + " be JSON (exit 2 naming line and column, nothing sent), unless -H names another Content-Type.")
    String input;

    @Option(names = {"-H", "--header"}, paramLabel = "'NAME: VALUE'",
            description = "Add a request header (repeatable). It replaces the tool's own header of that name:"
                    + " 'Authorization: ...' replaces the configured credentials, and 'NAME:' with no value sends"
                    + " none.")
    List<String> headers = new ArrayList<>();

    @Option(names = "--show-secrets",
            description = "Print the answer's secrets (URI passwords, secret parameters and fields) in clear.")
    boolean showSecrets;

    private final ClusterAccess cluster;
    private final Printing printing;
    private final UserInput userInput;

    ApiCommand(ClusterAccess cluster, Printing printing, UserInput userInput) {
        this.cluster = cluster;
        this.printing = printing;
        this.userInput = userInput;
    }

    @Override
    public Integer call() throws InterruptedException {
        byte[] body = input == null ? null : userInput.readInput(input);
        RawRequest request = RawRequest.of(method, path, headers, body, input);
        request.headers().stream().filter(h -> Secrets.isCredentialHeader(h.name()) && !h.value().isEmpty())
                .findFirst().ifPresent(h -> userInput.warnVisibleInProcessList("the " + h.name() + " header",
                        "prefer the configured credentials (--password-stdin, TICDC_PASSWORD or a context)"));
        HttpTransport.Response response = cluster.client().raw(request.method(), request.path(), request.body(),
                request.headers());
        RawAnswer.print(request.method() + " " + request.path().replaceFirst("\\?.*", ""), response,
                printing.output(), printing.mapper(), showSecrets);
        return ExitCode.OK.code();
    }
}
