package dev.ticdcctl.cli.root;

import dev.ticdcctl.cli.CheckedStdout;
import dev.ticdcctl.cli.Environment;
import dev.ticdcctl.cli.ErrorReporter;
import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.GlobalOptions;
import dev.ticdcctl.cli.GroupCommand;
import dev.ticdcctl.cli.OutputFormats;
import dev.ticdcctl.cli.Session;
import dev.ticdcctl.cli.Version;
import dev.ticdcctl.cli.completion.LiveCompletion;
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
     * The commands that never talk to a server, by their leading words. Not {@code __complete}: the completion
     * scripts answer every fixed word themselves and run it for live values, which it asks a server for.
     */
    private static final List<List<String>> OFFLINE = List.of(
            List.of("tso", "decode"), List.of("tso", "encode"), List.of("config"), List.of("sandbox"),
            List.of("help"), List.of("completion"));
    private static final Set<String> HELP_FLAGS = Set.of("-h", "--help");
    private static final Set<String> VERSION_FLAGS = Set.of("-V", "--version");

    private Cli() {}

    /**
     * Whether the arguments may run a command that talks to a server: a guess from the words alone, made before
     * anything is built, so that preparing the HTTP client and the JSON mapper can start at once for the commands
     * that need them and cost nothing to those that do not. A wrong guess costs time, never correctness. The shell
     * counts as using one: its first command most likely will, and preparing costs nothing while a person types.
     */
    public static boolean mayUseServer(String... args) {
        List<String> words = Arrays.asList(args);
        if (words.stream().anyMatch(w -> HELP_FLAGS.contains(w) || VERSION_FLAGS.contains(w))) {
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

    /**
     * Whether the arguments build a command model, a guess from the words like {@link #mayUseServer}: all but
     * {@code --version} alone, the root's usage (off a terminal printed from the build's copy) and a live completion
     * ({@link LiveCompletion}).
     */
    public static boolean buildsModel(String... args) {
        return !(args.length == 1 && VERSION_FLAGS.contains(args[0])) && !PrerenderedUsage.asked(args)
                && !LiveCompletion.isCall(args);
    }

    public static int run(Environment environment, PrintStream out, PrintStream err, String... args) {
        CheckedStdout checked = new CheckedStdout(out);
        PrintWriter stdout = new PrintWriter(new OutputStreamWriter(checked, StandardCharsets.UTF_8), false);
        PrintWriter stderr = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), false);
        int code;
        try (Session services = new Session(environment, stdout, stderr, new GlobalOptions(),
                EmbeddedSandbox::start)) {
            String usage = PrerenderedUsage.forArgs(args, environment.terminal().stdout());
            code = args.length == 1 && VERSION_FLAGS.contains(args[0]) ? version(stdout)
                    : usage != null ? print(usage, stdout)
                    : LiveCompletion.isCall(args)
                            ? LiveCompletion.run(args, environment, services.sandboxes(), services.output())
                    : forRun(services, args).execute(args);
        } finally {
            stdout.flush();
            stderr.flush();
        }
        return checked.report(code, stderr);
    }

    /**
     * {@code --version} alone, as picocli prints it from the version provider, without building even the root's
     * model: that is most of what the JVM would do for it.
     */
    private static int version(PrintWriter out) {
        for (String line : new Version().getVersion()) {
            out.println(line);
        }
        return ExitCode.OK.code();
    }

    private static int print(String text, PrintWriter out) {
        out.print(text);
        return ExitCode.OK.code();
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
        return branch(root(services), services, args);
    }

    /**
     * {@code root}, the tree this run parsed, with the branch {@code args} name added (every command when they name
     * none), keeping the commands it has: completion walks it without building a second root.
     */
    public static CommandLine grown(CommandLine root, Session services, String[] args) {
        Class<?> named = namedCommand(root, args);
        for (Class<?> command : RootCommand.COMMANDS) {
            if ((named == null || command == named)
                    && !root.getSubcommands().containsKey(command.getAnnotation(Command.class).name())) {
                root.addSubcommand(withVerbs(command, named == null ? null : args, services));
            }
        }
        return root;
    }

    /**
     * The tree one run parses, built no further than it needs: {@code --version} alone needs the root only; the
     * root's usage ({@code --help}, no command, {@code help} or a help topic) lists the top-level commands but not
     * their verbs; {@code help COMMAND [VERB]} needs that branch. A usage error in such a tree is reported by the
     * whole tree, as {@link #commandLine(Session)} builds it, so its message and hint are the same.
     */
    static CommandLine forRun(Session services, String[] args) {
        CommandLine root = root(services);
        int at = firstWord(root, args);
        if (at < args.length && !names(HelpCommand.class, args[at])) {
            return branch(root, services, args);
        }
        if (at == args.length && Arrays.stream(args).noneMatch(HELP_FLAGS::contains)
                && Arrays.stream(args).anyMatch(VERSION_FLAGS::contains)) {
            return shortened(root, services); // the root alone prints the version
        }
        String[] afterHelp = Arrays.copyOfRange(args, Math.min(at + 1, args.length), args.length);
        int topic = firstWord(root, afterHelp);
        Class<?> helped = topic < afterHelp.length ? topLevel(afterHelp[topic]) : null;
        for (Class<?> command : RootCommand.COMMANDS) {
            if (helped == null) {
                root.addSubcommand(new CommandLine(command, new CommandFactory(services)));
            } else if (command == helped || command == HelpCommand.class) {
                root.addSubcommand(withVerbs(command, command == helped ? args : null, services));
            }
        }
        return shortened(root, services);
    }

    /** The command {@code args} name with its verbs (or the verb they name) under the root; all when they name none. */
    private static CommandLine branch(CommandLine root, Session services, String[] args) {
        Class<?> named = namedCommand(root, args);
        for (Class<?> command : RootCommand.COMMANDS) {
            if (named == null || command == named) {
                root.addSubcommand(withVerbs(command, named == null ? null : args, services));
            }
        }
        return configure(root, services);
    }

    private static CommandLine shortened(CommandLine root, Session services) {
        configure(root, services);
        root.setParameterExceptionHandler((ex, args) -> commandLine(services).execute(args));
        return root;
    }

    private static CommandLine root(Session services) {
        return new CommandLine(RootCommand.class, new CommandFactory(services));
    }

    private static CommandLine configure(CommandLine cl, Session services) {
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
        int at = firstWord(root, args);
        Class<?> command = at < args.length ? topLevel(args[at]) : null;
        return command == HelpCommand.class ? null : command;
    }

    /** The top-level command {@code word} names, or null. */
    private static Class<?> topLevel(String word) {
        for (Class<?> command : RootCommand.COMMANDS) {
            if (names(command, word)) {
                return command;
            }
        }
        return null;
    }

    /** The index of the first argument that is neither a global option nor its value; the length when none is. */
    private static int firstWord(CommandLine root, String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("-")) {
                return i;
            }
            OptionSpec option = root.getCommandSpec().findOption(arg);
            if (option != null && option.arity().max() > 0 && !arg.contains("=")) {
                i++; // its value
            }
        }
        return args.length;
    }
}
