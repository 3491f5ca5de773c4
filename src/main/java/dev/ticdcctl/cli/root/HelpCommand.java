package dev.ticdcctl.cli.root;

import dev.ticdcctl.cli.ExitCode;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine;

@Command(name = "help", helpCommand = true,
        description = "Show help for a command (at any depth) or a topic: exit-codes, environment, formatting,"
                + " global-options.",
        footerHeading = "%nExamples:%n",
        footer = {"  # what 'changefeed create' accepts", "  ticdcctl help changefeed create",
            "  # the exit codes scripts can rely on", "  ticdcctl help exit-codes",
            "  # output formats, --jq, colour and times", "  ticdcctl help formatting",
            "  # the options every command takes, described", "  ticdcctl help global-options"})
final class HelpCommand implements Callable<Integer> {
    @Parameters(paramLabel = "COMMAND|TOPIC", arity = "0..*", description = "A command path or a help topic.")
    String[] words = {};

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<String> unmatched = spec.commandLine().getUnmatchedArguments();
        if (!unmatched.isEmpty()) {
            // picocli lets a help command through with arguments it did not match; report them as any command does.
            throw new UnmatchedArgumentException(spec.commandLine(), unmatched);
        }
        CommandLine target = spec.root().commandLine();
        if (words.length == 1 && HelpTopics.TOPICS.containsKey(words[0])) {
            target.getOut().print(HelpTopics.TOPICS.get(words[0]).apply(target));
            target.getOut().flush();
            return ExitCode.OK.code();
        }
        for (String word : words) {
            CommandLine next = target.getSubcommands().get(word);
            if (next == null) {
                throw new ParameterException(spec.commandLine(), "no command or help topic '" + String.join(" ", words)
                        + "'; topics: " + String.join(", ", HelpTopics.TOPICS.keySet()));
            }
            target = next;
        }
        target.usage(target.getOut());
        return ExitCode.OK.code();
    }
}
