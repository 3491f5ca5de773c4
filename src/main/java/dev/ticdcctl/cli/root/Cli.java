package dev.ticdcctl.cli.root;

import dev.ticdcctl.cli.CheckedStdout;
import dev.ticdcctl.cli.Environment;
import dev.ticdcctl.cli.ErrorReporter;
import dev.ticdcctl.cli.GlobalOptions;
import dev.ticdcctl.cli.GroupCommand;
import dev.ticdcctl.cli.OutputFormats;
import dev.ticdcctl.cli.Session;
import dev.ticdcctl.cli.sandbox.EmbeddedSandbox;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine;

/** Builds the command tree for one invocation and runs it. */
public final class Cli {
    /**
     * The commands that never talk to a server, by their leading words. {@code __complete} asks one only for live
     * IDs, and then builds its client itself: preparing one in the background would slow every TAB.
     */
    private static final List<List<String>> OFFLINE = List.of(
            List.of("tso", "decode"), List.of("tso", "encode"), List.of("config"), List.of("sandbox"),
            List.of("help"), List.of("completion"), List.of("__complete"));
    private static final Set<String> OFFLINE_FLAGS = Set.of("-h", "--help", "-V", "--version");

    private Cli() {}

    /**
     * Whether the arguments may run a command that talks to a server: a guess from the words alone, made before
     * anything is built, so that preparing the HTTP client and the JSON mapper can start at once for the commands
     * that need them and cost nothing to those that do not. A wrong guess costs time, never correctness. The shell
     * counts as using one: its first command most likely will, and preparing costs nothing while a person types.
     */
    public static boolean mayUseServer(String... args) {
        List<String> words = Arrays.asList(args);
        if (words.stream().anyMatch(OFFLINE_FLAGS::contains)) {
            return false;
        }
        for (List<String> command : OFFLINE) {
            int at = words.indexOf(command.get(0));
            if (at >= 0 && at + command.size() <= words.size()
                    && words.subList(at, at + command.size()).equals(command)) {
                return false;
            }
        }
        return true;
    }

    public static int run(Environment environment, PrintStream out, PrintStream err, String... args) {
        CheckedStdout checked = new CheckedStdout(out);
        PrintWriter stdout = new PrintWriter(new OutputStreamWriter(checked, StandardCharsets.UTF_8), false);
        PrintWriter stderr = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), false);
        int code;
        try (Session services = new Session(environment, stdout, stderr, new GlobalOptions(),
                EmbeddedSandbox::start)) {
            code = commandLine(services, args).execute(args);
        } finally {
            stdout.flush();
            stderr.flush();
        }
        return checked.report(code, stderr);
    }

    /** The process's stdout for {@code main}: one whose failed writes {@link #run} reports with their cause. */
    public static PrintStream systemStdout() {
        return CheckedStdout.system();
    }

    /** The whole command tree, as help and completion need it. */
    public static CommandLine commandLine(Session services) {
        return commandLine(services, new String[0]);
    }

    /**
     * The command tree for {@code args}. Building picocli's model of every command is a large part of start-up, so
     * when the arguments name a top-level command only that branch is built; help and mistakes get the whole tree.
     */
    public static CommandLine commandLine(Session services, String[] args) {
        CommandLine cl = new CommandLine(RootCommand.class, new CommandFactory(services));
        Class<?> named = namedCommand(cl, args);
        for (Class<?> command : RootCommand.COMMANDS) {
            if (named == null || command == named) {
                cl.addSubcommand(withVerbs(command, named == null ? null : args, services));
            }
        }
        cl.setOut(services.out());
        cl.setErr(services.err());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(new ErrorReporter(services));
        cl.setParameterExceptionHandler(new UsageErrorHandler(services));
        cl.setExecutionStrategy(parsed -> {
            OutputFormats.check(parsed);
            return new CommandLine.RunLast().execute(parsed);
        });
        HelpLayout.install(cl);
        return cl;
    }

    /** A command with its verbs; given the arguments, only the verb they name (all when they name none). */
    private static CommandLine withVerbs(Class<?> command, String[] args, Session services) {
        CommandLine node = new CommandLine(command, new CommandFactory(services));
        if (node.getCommand() instanceof GroupCommand group) {
            Class<?> verb = args == null ? null : namedVerb(command, group.verbs(), args);
            for (Class<?> v : group.verbs()) {
                if (verb == null || v == verb) {
                    node.addSubcommand(v);
                }
            }
        }
        return node;
    }

    /** The verb right after the word naming {@code group}, or null. */
    private static Class<?> namedVerb(Class<?> group, List<Class<?>> verbs, String[] args) {
        for (int i = 0; i < args.length - 1; i++) {
            if (names(group, args[i])) {
                for (Class<?> verb : verbs) {
                    if (names(verb, args[i + 1])) {
                        return verb;
                    }
                }
                return null;
            }
        }
        return null;
    }

    /** Whether {@code word} is the name or an alias of {@code command}. */
    private static boolean names(Class<?> command, String word) {
        Command annotation = command.getAnnotation(Command.class);
        return annotation.name().equals(word) || Arrays.asList(annotation.aliases()).contains(word);
    }

    /** The top-level command the arguments name (skipping global options and their values), or null. */
    private static Class<?> namedCommand(CommandLine root, String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("-")) {
                OptionSpec option = root.getCommandSpec().findOption(arg);
                if (option != null && option.arity().max() > 0 && !arg.contains("=")) {
                    i++; // its value
                }
                continue;
            }
            for (Class<?> command : RootCommand.COMMANDS) {
                if (names(command, arg)) {
                    return command == HelpCommand.class ? null : command;
                }
            }
            return null;
        }
        return null;
    }
}
