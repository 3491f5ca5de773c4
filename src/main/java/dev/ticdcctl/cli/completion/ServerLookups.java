package dev.ticdcctl.cli.completion;

import dev.ticdcctl.cli.EmbeddedCluster;
import dev.ticdcctl.cli.Environment;
import dev.ticdcctl.cli.GlobalOptions;
import dev.ticdcctl.cli.Session;
import dev.ticdcctl.cli.completion.Completions.Candidate;
import dev.ticdcctl.config.ConfigFile;
import dev.ticdcctl.model.Capture;
import dev.ticdcctl.output.Terminal;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Live values for completion, looked up with the connection settings of the line being completed (flags, then the
 * environment and the contexts file, as for any command). A completion runs on every TAB, so the lookups are bounded
 * (1s to connect, 2s in all, no retries), never prompt or read stdin, and fail silently: no candidates, no message.
 */
public final class ServerLookups implements LiveValues {
    /** Appended to the line's own options, so they win over a longer --timeout given there. */
    private static final List<String> SHORT_LIMITS =
            List.of("--connect-timeout", "1s", "--timeout", "2s", "--retries", "0");

    private final Environment environment;
    private final EmbeddedCluster.Starter sandboxes;

    /** {@code sandboxes} starts the cluster of a line with {@code --sandbox}. */
    public ServerLookups(Environment environment, EmbeddedCluster.Starter sandboxes) {
        this.sandboxes = sandboxes;
        // No terminal and no stdin: a missing password is not asked for, and --password-stdin reads nothing.
        this.environment = new Environment(environment.variables(), InputStream.nullInputStream(), Terminal.NONE,
                environment.clock(), environment.sleeper(), prompt -> new char[0]);
    }

    @Override
    public List<Candidate> changefeeds(List<String> connection) {
        try (Session session = session(connection)) {
            return session.client().listChangefeeds(session.namespace(), null).value().items().stream()
                    .map(c -> new Candidate(c.id(), c.state()))
                    .toList();
        } catch (RuntimeException | InterruptedException e) {
            return List.of();
        }
    }

    @Override
    public List<Candidate> captures(List<String> connection) {
        try (Session session = session(connection)) {
            // Either names a capture (CaptureRef): the IDs described by their address, then the addresses by their ID.
            List<Capture> captures = session.client().listCaptures().value().items();
            List<Candidate> candidates = new ArrayList<>();
            captures.forEach(c -> candidates.add(new Candidate(c.id(), c.address() + owner(c))));
            captures.stream().filter(c -> c.address() != null && !c.address().isEmpty())
                    .forEach(c -> candidates.add(new Candidate(c.address(), c.id() + owner(c))));
            return candidates;
        } catch (RuntimeException | InterruptedException e) {
            return List.of();
        }
    }

    private static String owner(Capture capture) {
        return capture.isOwner() ? " (owner)" : "";
    }

    @Override
    public List<Candidate> contexts(List<String> connection) {
        try (Session session = session(connection)) {
            return ConfigFile.load(session.configFile()).contexts().entrySet().stream()
                    .map(e -> new Candidate(e.getKey(), e.getValue().server()))
                    .sorted(Comparator.comparing(Candidate::value))
                    .toList();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    @Override
    public List<Candidate> keyspaces(List<String> connection) {
        try (Session session = session(connection)) {
            Map<String, List<String>> contextsOf = new TreeMap<>();
            ConfigFile.load(session.configFile()).contexts().forEach((name, context) -> {
                if (context.keyspace() != null) {
                    contextsOf.computeIfAbsent(context.keyspace(), k -> new ArrayList<>()).add(name);
                }
            });
            return contextsOf.entrySet().stream()
                    .map(e -> new Candidate(e.getKey(), "context " + String.join(", ", e.getValue().stream().sorted()
                            .toList()))).toList();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** A session configured by the global options of the line, writing nowhere (warnings would garble the prompt). */
    private Session session(List<String> connection) {
        GlobalOptions options = new GlobalOptions();
        CommandLine parser = new CommandLine(options).setOverwrittenOptionsAllowed(true)
                .setUnmatchedArgumentsAllowed(true);
        List<String> args = globalOptions(parser.getCommandSpec(), connection);
        args.addAll(SHORT_LIMITS);
        parser.parseArgs(args.toArray(String[]::new));
        PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
        return new Session(environment, nowhere, nowhere, options, sandboxes);
    }

    /**
     * The global options among {@code words}, with their values, up to {@code --}: a command's own words are left out,
     * and so is an option whose value is missing (the word being completed is its value).
     */
    private static List<String> globalOptions(CommandSpec spec, List<String> words) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < words.size() && !words.get(i).equals("--"); i++) {
            String word = words.get(i);
            int equals = word.indexOf('=');
            OptionSpec option = word.startsWith("-") ? spec.findOption(equals > 0 ? word.substring(0, equals) : word)
                    : null;
            if (option == null) {
                continue;
            }
            found.add(word);
            if (equals < 0 && option.arity().min() > 0) {
                if (i + 1 == words.size()) {
                    found.remove(found.size() - 1);
                } else {
                    found.add(words.get(++i));
                }
            }
        }
        return found;
    }
}
