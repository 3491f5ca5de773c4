package dev.ticdcctl.cli.changefeed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticdcctl.cli.ErrorReporter;
import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.Interrupts;
import dev.ticdcctl.client.ApiResult;
import dev.ticdcctl.model.ChangefeedDetail;
import dev.ticdcctl.model.ChangefeedState;
import dev.ticdcctl.output.Output;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Carries out a confirmed plan, cluster by cluster, in the order that leaves the least harm should it stop half-way:
 * creates first (new changefeeds start, nothing running is touched), then updates, and deletes last, only when every
 * create and update of that cluster worked — a deletion cannot be undone, and a half-applied directory should leave
 * an extra changefeed rather than a missing one. Blocked changefeeds are left as they are. One result line per
 * changefeed, a summary, and the worst exit code.
 */
final class ChangefeedPlanRunner {
    /** The words of the summary and of {@code result} in -o json. */
    private static final List<String> RESULTS = List.of("created", "updated", "deleted", "unchanged", "blocked",
            "failed", "not attempted");

    /** What became of one step; {@code failure} when it failed. */
    private record Outcome(String result, ExitCode code, String error, JsonNode resource,
            RuntimeException failure) {
        Outcome(String result, ExitCode code, String error) {
            this(result, code, error, null, null);
        }

        /** Done: {@code resource} is the changefeed as the server answered (as it was, for a deletion). */
        static Outcome done(String result, JsonNode resource) {
            return new Outcome(result, ExitCode.OK, null, resource, null);
        }
    }

    /** Ctrl-C while {@code step} was being carried out: whether the server acted on it is not known. */
    private static final class Interrupted extends InterruptedException {
        final transient ChangefeedPlan.Step step;

        Interrupted(ChangefeedPlan.Step step) {
            this.step = step;
        }
    }

    private final ChangefeedWriting writing;

    ChangefeedPlanRunner(ChangefeedWriting writing) {
        this.writing = writing;
    }

    /**
     * Carries the plan out; a plan of one changefeed that fails fails as the command, with the error's hint, as
     * {@code changefeed create} or {@code update} would.
     */
    @SuppressWarnings("try") // the Ctrl-C handler is installed for the block, not used in it
    int run(ChangefeedPlan plan, boolean ignoreIneligible) throws InterruptedException {
        Map<ChangefeedPlan.Step, Outcome> outcomes = new IdentityHashMap<>();
        boolean labelled = plan.clusters().size() > 1 || plan.clusters().stream().anyMatch(c -> c.entry() != null);
        int total = plan.clusters().stream().mapToInt(c -> c.steps().size()).sum();
        try (Interrupts ctrlC = Interrupts.interrupting(Thread.currentThread())) {
            for (ChangefeedPlan.Cluster cluster : plan.clusters()) {
                String label = labelled && cluster.entry() != null ? cluster.entry().name() + ": " : "";
                run(cluster, label, ignoreIneligible, outcomes, total == 1);
            }
        } catch (Interrupted e) {
            // Never hidden by -q: after Ctrl-C the user must learn what was and was not done.
            PrintWriter err = writing.printing().err();
            String id = e.step.id();
            err.println("interrupted while changefeed \"" + id + "\" was being " + past(e.step.action())
                    + " (see 'ticdcctl changefeed get " + id + "'); so far " + summary(outcomes) + "; "
                    + (total - outcomes.size() - 1) + " not attempted");
            err.flush();
            return ExitCode.INTERRUPTED.code();
        }
        if (output().machineReadable()) {
            output().document(plan.json((step, item) -> {
                Outcome outcome = outcomes.get(step);
                item.put("result", outcome.result()).put("exit_code", outcome.code().code()).put("error",
                        outcome.error());
                item.set("changefeed", outcome.resource());
            }), false);
        }
        output().progress(summary(outcomes));
        return ExitCode.worst(outcomes.values().stream().map(Outcome::code).toList()).code();
    }

    private void run(ChangefeedPlan.Cluster cluster, String label, boolean ignoreIneligible,
            Map<ChangefeedPlan.Step, Outcome> outcomes, boolean single) throws InterruptedException {
        for (ChangefeedPlan.Step step : cluster.steps()) {
            if (step.action() == ChangefeedPlan.Action.UNCHANGED) {
                result(label, step, "already has these settings; nothing was sent");
                outcomes.put(step, new Outcome("unchanged", ExitCode.OK, null));
            } else if (step.action() == ChangefeedPlan.Action.BLOCKED) {
                output().error(label + "changefeed \"" + step.id() + "\" was not changed: " + step.reason());
                outcomes.put(step, new Outcome("blocked", ExitCode.FAILED, step.reason()));
            }
        }
        boolean failed = false;
        for (ChangefeedPlan.Action action : List.of(ChangefeedPlan.Action.CREATE, ChangefeedPlan.Action.UPDATE,
                ChangefeedPlan.Action.DELETE)) {
            for (ChangefeedPlan.Step step : cluster.steps()) {
                if (step.action() != action) {
                    continue;
                }
                if (action == ChangefeedPlan.Action.DELETE && failed) {
                    output().error(label + "changefeed \"" + step.id() + "\" was not deleted: a create or update in"
                            + " this cluster failed, and deletions wait until everything else is in place");
                    outcomes.put(step, new Outcome("not attempted", ExitCode.OK, null));
                    continue;
                }
                Outcome outcome = carryOut(cluster, step, label, ignoreIneligible);
                if (outcome.failure() != null) {
                    if (single) {
                        throw outcome.failure();
                    }
                    output().error(label + outcome.error());
                }
                failed |= outcome.code() != ExitCode.OK;
                outcomes.put(step, outcome);
            }
        }
    }

    private Outcome carryOut(ChangefeedPlan.Cluster cluster, ChangefeedPlan.Step step, String label,
            boolean ignoreIneligible) throws InterruptedException {
        try {
            switch (step.action()) {
                case CREATE -> {
                    ChangefeedCreator creator = writing.creator(cluster.access());
                    ApiResult<ChangefeedDetail> created = creator.create(creator.request(step.input()),
                            new ChangefeedCreator.How(false, ignoreIneligible, false, false));
                    result(label, step, "created");
                    String state = created.value().state();
                    if (!ChangefeedState.NORMAL.is(state)) {
                        output().warn(label + "changefeed \"" + step.id() + "\" is " + state);
                    }
                    return Outcome.done("created", created.json());
                }
                case UPDATE -> {
                    JsonNode updated = writing.updater(cluster.access())
                            .carryOut(step.update(), step.namespace(), step.id()).json();
                    result(label, step, "updated");
                    return Outcome.done("updated", updated);
                }
                default -> {
                    ChangefeedBulk.Outcome deleted = writing.deleter(cluster.access())
                            .findAndDelete(step.namespace(), step.id());
                    if (!output().machineReadable()) {
                        output().result(label + deleted.message(), null);
                    }
                    return Outcome.done("deleted", deleted.resource());
                }
            }
        } catch (InterruptedException e) {
            throw new Interrupted(step);
        } catch (RuntimeException e) {
            String message = ErrorReporter.message(e);
            String name = "changefeed \"" + step.id() + "\"";
            return new Outcome("failed", ErrorReporter.exitCode(e), message.startsWith(name) ? message
                    : name + ": " + message, null, e);
        }
    }

    private void result(String label, ChangefeedPlan.Step step, String what) {
        if (!output().machineReadable()) {
            output().result(label + "changefeed \"" + step.id() + "\" " + what, null);
        }
    }

    /** Built after the command line is parsed, as -o and -q say. */
    private Output output() {
        return writing.printing().output();
    }

    private static String past(ChangefeedPlan.Action action) {
        return switch (action) {
            case CREATE -> "created";
            case UPDATE -> "updated";
            default -> "deleted";
        };
    }

    /** "1 created, 2 updated, 3 unchanged": the results that occurred. */
    private static String summary(Map<ChangefeedPlan.Step, Outcome> outcomes) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        RESULTS.forEach(r -> counts.put(r, 0));
        outcomes.values().forEach(o -> counts.merge(o.result(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((result, n) -> {
            if (n > 0) {
                parts.add(n + " " + result);
            }
        });
        return parts.isEmpty() ? "nothing done" : String.join(", ", parts);
    }
}
