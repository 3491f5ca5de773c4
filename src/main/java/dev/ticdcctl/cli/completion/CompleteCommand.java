package dev.ticdcctl.cli.completion;

import dev.ticdcctl.cli.EmbeddedCluster;
import dev.ticdcctl.cli.Environment;
import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.Printing;
import dev.ticdcctl.cli.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The completion scripts' helper: prints the candidates for the last word of a command line in the protocol of
 * {@link Completions#lines()}. Hidden: a user never types it.
 */
@Command(name = "__complete", hidden = true,
        description = {"Print the completion candidates for the last word (used by the scripts of 'ticdcctl"
            + " completion'): one a line, value TAB description, then a line ':DIRECTIVE' (1 = offer files too)."},
        footerHeading = "%nExamples:%n",
        footer = {"  # what TAB offers after 'ticdcctl changefeed p'", "  ticdcctl __complete -- changefeed p",
            "  # the changefeed IDs of a cluster (given '' for a new word)",
            "  ticdcctl __complete -- --server 10.0.0.1:8300 changefeed pause ''",
            "  # the same, saying what the word is: nothing but the lookup runs",
            "  ticdcctl __complete --live=changefeed -- --server 10.0.0.1:8300 changefeed pause ''"})
public final class CompleteCommand implements Callable<Integer> {
    @Option(names = LiveCompletion.OPTION, paramLabel = "KIND",
            description = "What the last word is, when the script knows: changefeed, capture, context or keyspace"
                    + " (an ID or name to look up).")
    String live;

    @Parameters(arity = "0..*", paramLabel = "WORD",
            description = "The words after 'ticdcctl', after '--'; the last one is completed.")
    List<String> words = new ArrayList<>();

    @Spec
    CommandSpec spec;

    private final Printing printing;
    private final Environment environment;
    private final EmbeddedCluster.Starter sandboxes;

    CompleteCommand(Printing printing, Environment environment, EmbeddedCluster.Starter sandboxes) {
        this.printing = printing;
        this.environment = environment;
        this.sandboxes = sandboxes;
    }

    @Override
    public Integer call() {
        ServerLookups lookups = new ServerLookups(environment, sandboxes);
        if (live != null) {
            CompletionEngine.Kind kind = LiveCompletion.kind(live);
            printing.output().data((kind == null ? Completions.NONE : LiveCompletion.complete(kind, words, lookups))
                    .lines());
            return ExitCode.OK.code();
        }
        List<String> before = words.isEmpty() ? List.of() : words.subList(0, words.size() - 1);
        String current = words.isEmpty() ? "" : words.get(words.size() - 1);
        // Only the branch the words name is built, onto the root already built: completing runs on every TAB.
        CommandLine root = spec.root().commandLine();
        CompletionEngine engine = new CompletionEngine(Program.of(spec).grown(root, before.toArray(String[]::new)),
                lookups);
        printing.output().data(engine.complete(before, current).lines());
        return ExitCode.OK.code();
    }
}
