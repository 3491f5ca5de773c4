package dev.ticdcctl.cli.changefeed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticdcctl.cli.ClusterAccess;
import dev.ticdcctl.cli.Confirmations;
import dev.ticdcctl.cli.ErrorReporter;
import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.Interrupts;
import dev.ticdcctl.cli.Printing;
import dev.ticdcctl.cli.Prompter;
import dev.ticdcctl.client.ApiException;
import dev.ticdcctl.client.TicdcClient;
import dev.ticdcctl.output.Output;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs one action over the changefeeds of a selection: lists what will be touched and confirms, acts on up to
 * {@code --parallel} changefeeds at once, prints one result per changefeed in selection order (each as soon as it
 * and those before it are done), a summary on stderr, and exits with the worst result.
 */
final class ChangefeedBulk {
    /** What an action did to one changefeed: its result line, the resource for -o json (or null), and whether it changed anything. */
    record Outcome(String message, JsonNode resource, boolean changed) {}

    /**
     * The action on one changefeed, shared with the single-changefeed command; the workers share one. It is built on
     * this thread before they start, from what the session hands out, which is safe to share: its clients and mapper
     * are built once, under the session's lock.
     */
    @FunctionalInterface
    interface Action {
        Outcome apply(String id) throws InterruptedException;
    }

    /**
     * How the confirmation and the summary speak of the action: {@code verb} "pause", {@code past} "paused",
     * {@code noWait} when the action returns once the server accepted, {@code listAll} to list every ID in the
     * confirmation rather than the first few.
     */
    record Wording(String verb, String past, boolean noWait, boolean listAll) {
        /** What a changed changefeed counts as in the summary and in -o json: "paused" or "pause requested". */
        String done() {
            return noWait ? verb + " requested" : past;
        }
    }

    static final int LISTED_IN_CONFIRMATION = 20;

    private record Result(String id, Outcome outcome, Exception failure) {
        ExitCode exitCode() {
            return failure == null ? ExitCode.OK : ErrorReporter.exitCode(failure);
        }
    }

    private final Prompter prompter;
    private final Output output;
    private final PrintWriter err;
    private final Supplier<TicdcClient> client;
    private final String namespace;
    /** The cluster as the confirmation names it. */
    private final Supplier<String> cluster;

    /** {@code client} and {@code cluster} are asked for on the calling thread, when the run needs them. */
    ChangefeedBulk(Prompter prompter, Output output, PrintWriter err, Supplier<TicdcClient> client, String namespace,
            Supplier<String> cluster) {
        this.prompter = prompter;
        this.output = output;
        this.err = err;
        this.client = client;
        this.namespace = namespace;
        this.cluster = cluster;
    }

    static ChangefeedBulk of(ClusterAccess cluster, Printing printing, Confirmations confirmations,
            String namespace) {
        return new ChangefeedBulk(confirmations.prompter(), printing.output(), printing.err(), cluster::client,
                namespace, cluster::name);
    }

    /**
     * {@code listState} is the state filter used by --all and --match (see {@link ChangefeedSelection#resolve});
     * {@code actions} builds the action once the confirmation is given, on this thread.
     */
    int run(ChangefeedSelection selection, String listState, Wording wording, Supplier<Action> actions)
            throws InterruptedException {
        prompter.ensureCanConfirm();
        List<String> ids = selection.resolve(client, namespace, listState);
        if (ids.isEmpty()) {
            // As kubectl does for a selector that matches nothing: say so and succeed.
            String criterion = selection.criterion();
            output.progress("No changefeeds found in namespace " + namespace
                    + (criterion == null ? "" : " " + criterion));
            if (output.machineReadable()) {
                output.resource(JsonNodeFactory.instance.arrayNode(), null);
            }
            return ExitCode.OK.code();
        }
        prompter.confirm(question(namespace + " of " + cluster.get(), ids, wording),
                "no changefeed was " + wording.past());
        output.withoutStatusLine();
        List<Result> results;
        try {
            results = execute(ids, selection.parallel, actions.get(), wording);
        } catch (Interrupted e) {
            // Never hidden by -q: after Ctrl-C the user must learn what was and was not done.
            err.println("interrupted: " + interruptedSummary(e, wording));
            err.flush();
            return ExitCode.INTERRUPTED.code();
        }
        output.progress(summary(results, wording));
        return ExitCode.worst(results.stream().map(Result::exitCode).toList()).code();
    }

    private static String question(String where, List<String> ids, Wording wording) {
        StringBuilder question = new StringBuilder(capitalized(wording.verb()) + " " + ids.size() + " changefeed"
                + (ids.size() == 1 ? "" : "s") + " in namespace " + where + ":\n");
        int shown = wording.listAll() ? ids.size() : Math.min(ids.size(), LISTED_IN_CONFIRMATION);
        ids.subList(0, shown).forEach(id -> question.append("  ").append(id).append('\n'));
        if (shown < ids.size()) {
            question.append("  ... and ").append(ids.size() - shown).append(" more\n");
        }
        return question.append(capitalized(wording.verb())).append(ids.size() == 1 ? " it?" : " them?").toString();
    }

    /**
     * Runs the action on a bounded pool; the workers touch only the action, and their results are printed on this
     * thread. Ctrl-C (an interrupt) stops it: the results so far are printed, then what became of the rest, and the
     * run exits 130.
     */
    @SuppressWarnings("try") // the Ctrl-C handler is installed for the block, not used in it
    private List<Result> execute(List<String> ids, int parallel, Action action, Wording wording)
            throws InterruptedException {
        AtomicInteger threads = new AtomicInteger();
        AtomicInteger started = new AtomicInteger();
        AtomicBoolean stopping = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, ids.size()), task -> {
            Thread thread = new Thread(task, "ticdcctl-bulk-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        List<Result> results = new ArrayList<>();
        ArrayNode items = JsonNodeFactory.instance.arrayNode();
        try (Interrupts ctrlC = Interrupts.interrupting(Thread.currentThread())) {
            List<Future<Result>> running = new ArrayList<>();
            for (String id : ids) {
                running.add(pool.submit(() -> {
                    if (stopping.get()) {
                        throw new InterruptedException(); // not sent: an earlier action was interrupted
                    }
                    started.incrementAndGet();
                    try {
                        return new Result(id, action.apply(id), null);
                    } catch (Exception e) {
                        if (e instanceof InterruptedException || stopping.get()) {
                            stopping.set(true);
                            throw new InterruptedException(); // stopped, not failed: a failure is not known
                        }
                        return new Result(id, null, e);
                    }
                }));
            }
            try {
                for (Future<Result> future : running) {
                    show(await(future), results, items, wording);
                }
            } catch (InterruptedException e) {
                stopping.set(true);
                pool.shutdownNow();
                // Those that finished after the first one still running are results too.
                for (Future<Result> future : running.subList(results.size(), running.size())) {
                    Result done = finished(future);
                    if (done != null) {
                        show(done, results, items, wording);
                    }
                }
                if (output.machineReadable()) {
                    output.resource(items, null);
                }
                throw new Interrupted(results, started.get(), ids.size());
            }
            if (output.machineReadable()) {
                output.resource(items, null);
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Prints one result (or keeps it for the -o json array) and adds it to {@code results}. */
    private void show(Result result, List<Result> results, ArrayNode items, Wording wording) {
        results.add(result);
        if (output.machineReadable()) {
            items.add(item(result, wording));
        } else if (result.failure == null) {
            output.result(result.outcome.message(), null);
        }
        if (result.failure != null) {
            output.error(failureLine(result));
        }
    }

    private static Result await(Future<Result> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            // Only an interrupted worker gets here: the action's failures are results.
            if (e.getCause() instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The result of a task that had finished when the run was interrupted, or null. */
    private static Result finished(Future<Result> future) {
        if (!future.isDone() || future.isCancelled()) {
            return null;
        }
        try {
            return future.get();
        } catch (ExecutionException | InterruptedException e) {
            return null;
        }
    }

    /** A run stopped by Ctrl-C, with what it did: its summary is the line printed before exit 130. */
    private static final class Interrupted extends InterruptedException {
        final List<Result> results;
        final int started;
        final int total;

        Interrupted(List<Result> results, int started, int total) {
            this.results = results;
            this.started = started;
            this.total = total;
        }
    }

    /** The error line names the changefeed unless the message already does. */
    private static String failureLine(Result result) {
        String message = ErrorReporter.message(result.failure);
        String name = "changefeed \"" + result.id + "\"";
        return message.startsWith(name) ? message : name + ": " + message;
    }

    private static ObjectNode item(Result result, Wording wording) {
        ObjectNode item = JsonNodeFactory.instance.objectNode();
        item.put("id", result.id);
        item.put("ok", result.failure == null);
        item.put("result", category(result, wording));
        item.put("exit_code", result.exitCode().code());
        if (result.failure != null) {
            ObjectNode error = item.putObject("error");
            error.put("code", result.failure instanceof ApiException api && !api.errorCode().isEmpty()
                    ? api.errorCode() : null);
            error.put("message", result.failure.getMessage());
        } else {
            item.set("changefeed", result.outcome.resource());
        }
        return item;
    }

    /** "paused", "unchanged", "not found", "timed out" or "failed": the words of the summary and of -o json. */
    private static String category(Result result, Wording wording) {
        if (result.failure == null) {
            return result.outcome.changed() ? wording.done() : "unchanged";
        }
        return switch (result.exitCode()) {
            case NOT_FOUND -> "not found";
            case WAIT_TIMEOUT -> "timed out";
            default -> "failed";
        };
    }

    /** "24 requests sent, 16 confirmed paused, 2 unchanged, 176 not sent". */
    private static String interruptedSummary(Interrupted interrupted, Wording wording) {
        List<String> parts = new ArrayList<>();
        parts.add(interrupted.started + " request" + (interrupted.started == 1 ? "" : "s") + " sent");
        String done = wording.done();
        for (String part : summaryParts(interrupted.results, wording)) {
            parts.add(!wording.noWait() && part.endsWith(" " + done) ? part.replace(" " + done, " confirmed " + done) : part);
        }
        parts.add((interrupted.total - interrupted.started) + " not sent");
        return String.join(", ", parts);
    }

    private static String summary(List<Result> results, Wording wording) {
        return String.join(", ", summaryParts(results, wording));
    }

    private static List<String> summaryParts(List<Result> results, Wording wording) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String category : List.of(wording.done(), "unchanged", "not found", "timed out", "failed")) {
            counts.put(category, 0);
        }
        results.forEach(r -> counts.merge(category(r, wording), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((category, count) -> {
            if (count > 0) {
                parts.add(count + " " + category);
            }
        });
        return parts;
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
