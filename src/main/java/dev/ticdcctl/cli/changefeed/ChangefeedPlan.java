package dev.ticdcctl.cli.changefeed;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticdcctl.cli.ClusterAccess;
import dev.ticdcctl.config.ClusterIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * What making clusters match a set of specs takes, changefeed by changefeed: the plan that {@code changefeed apply}
 * shows before it acts and {@code changefeed diff} prints, as text lines or as a JSON document.
 */
record ChangefeedPlan(List<Cluster> clusters) {

    /** What happens to one changefeed; the symbol starts its plan line, the name is its {@code action} in JSON. */
    enum Action {
        CREATE("+", "to create"),
        UPDATE("~", "to update"),
        DELETE("-", "to delete"),
        UNCHANGED("=", "unchanged"),
        BLOCKED("!", "blocked");

        final String symbol;
        /** How the plan's summary counts it. */
        final String counted;

        Action(String symbol, String counted) {
            this.symbol = symbol;
            this.counted = counted;
        }

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One changefeed's line of the plan: where it is described ({@code file}, null for one no spec describes), the
     * differences an update makes (masked), why it is blocked or how it is carried out ({@code reason}), and what
     * carrying it out needs.
     */
    record Step(Action action, String namespace, String id, String file, List<String> changes, String reason,
            ChangefeedInput input, ChangefeedUpdater.Plan update) {

        static Step of(Action action, ChangefeedInput input, String file) {
            return new Step(action, input.namespace(), input.id(), file, List.of(), null, input, null);
        }

        Step blocked(String why) {
            return new Step(Action.BLOCKED, namespace, id, file, changes, why, input, update);
        }

        /** The same step, with a note on how it is carried out (an update that pauses a running changefeed). */
        Step noting(String note) {
            return new Step(action, namespace, id, file, changes, note, input, update);
        }
    }

    /**
     * The steps of one cluster ({@code entry} of an index, or null for the invocation's), and how many changefeeds of
     * its namespace no spec describes and no step deletes (they are left alone without --prune).
     */
    record Cluster(ClusterIndex.Entry entry, ClusterAccess access, String namespace, List<Step> steps,
            int undescribed) {}

    /** Whether the clusters match the specs: every changefeed unchanged, nothing to create or delete. */
    boolean inSync() {
        return steps().allMatch(s -> s.action() == Action.UNCHANGED);
    }

    /** Whether carrying it out changes or removes a changefeed that exists: that asks for a confirmation. */
    boolean changesExisting() {
        return steps().anyMatch(s -> s.action() == Action.UPDATE || s.action() == Action.DELETE);
    }

    /** Whether anything is to be sent. */
    boolean sendsAnything() {
        return steps().anyMatch(s -> s.action() == Action.CREATE || changesExisting());
    }

    private java.util.stream.Stream<Step> steps() {
        return clusters.stream().flatMap(c -> c.steps().stream());
    }

    /** The plan as lines: a heading per cluster when several are planned, a line per changefeed, the counts. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        boolean headed = clusters.size() > 1 || clusters.stream().anyMatch(c -> c.entry() != null);
        for (Cluster cluster : clusters) {
            if (headed) {
                lines.add(heading(cluster));
            }
            for (Step step : cluster.steps()) {
                lines.add((headed ? "  " : "") + line(step));
                step.changes().forEach(change -> lines.add((headed ? "      " : "    ") + change));
            }
        }
        lines.add("Plan: " + counts());
        return lines;
    }

    /** What the plan leaves alone: changefeeds no spec describes, without --prune. */
    List<String> notes() {
        return clusters.stream().filter(c -> c.undescribed() > 0).map(c -> c.undescribed() + " changefeed"
                + (c.undescribed() == 1 ? "" : "s") + " in namespace " + c.namespace() + " of " + c.access().name()
                + (c.undescribed() == 1 ? " is" : " are") + " described by no spec and left alone (--prune deletes"
                + (c.undescribed() == 1 ? " it)" : " them)")).toList();
    }

    /** "1 to create, 2 to update, 3 unchanged", the actions that occur, in the order of {@link Action}. */
    String counts() {
        List<String> parts = new ArrayList<>();
        for (Action action : Action.values()) {
            long n = steps().filter(s -> s.action() == action).count();
            if (n > 0) {
                parts.add(n + " " + action.counted);
            }
        }
        return parts.isEmpty() ? "nothing to do" : String.join(", ", parts);
    }

    /**
     * The question before carrying the plan out: what it creates, updates and deletes in each cluster, deletions by
     * name.
     */
    String question() {
        List<String> parts = new ArrayList<>();
        for (Cluster cluster : clusters) {
            List<String> actions = new ArrayList<>();
            count(cluster, Action.CREATE, "create", actions);
            count(cluster, Action.UPDATE, "update", actions);
            List<String> deleted = cluster.steps().stream().filter(s -> s.action() == Action.DELETE)
                    .map(Step::id).toList();
            if (!deleted.isEmpty()) {
                actions.add("delete " + deleted.size() + " (" + String.join(", ", deleted) + ")");
            }
            if (!actions.isEmpty()) {
                parts.add(String.join(", ", actions) + " in namespace " + cluster.namespace() + " of "
                        + cluster.access().name());
            }
        }
        return "Apply this plan: " + String.join("; ", parts) + "?";
    }

    private static void count(Cluster cluster, Action action, String verb, List<String> out) {
        long n = cluster.steps().stream().filter(s -> s.action() == action).count();
        if (n > 0) {
            out.add(verb + " " + n);
        }
    }

    /**
     * The plan as data, {@code changefeed diff -o json}'s document: {@code in_sync}, the {@code counts} by action,
     * and a {@code changefeeds} array of {@code cluster} (the index's name, or null), {@code server},
     * {@code namespace}, {@code id}, {@code action}, {@code file} (null for a changefeed no spec describes),
     * {@code changes} (the masked difference lines) and {@code reason} (why it is blocked, or that a running
     * changefeed is paused, updated and resumed; else null).
     */
    ObjectNode json() {
        return json((step, item) -> { });
    }

    /** As {@link #json()}, each item completed by {@code extra} (the result of carrying it out). */
    ObjectNode json(BiConsumer<Step, ObjectNode> extra) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode document = json.objectNode().put("in_sync", inSync());
        ObjectNode counts = document.putObject("counts");
        Arrays.stream(Action.values()).forEach(a -> counts.put(a.word(), count(s -> s.action() == a)));
        ArrayNode items = document.putArray("changefeeds");
        for (Cluster cluster : clusters) {
            for (Step step : cluster.steps()) {
                ObjectNode item = items.addObject()
                        .put("cluster", cluster.entry() == null ? null : cluster.entry().name())
                        .put("server", cluster.access().server().toString())
                        .put("namespace", step.namespace()).put("id", step.id()).put("action", step.action().word())
                        .put("file", step.file());
                ArrayNode changes = item.putArray("changes");
                step.changes().forEach(changes::add);
                item.put("reason", step.reason());
                extra.accept(step, item);
            }
        }
        return document;
    }

    private long count(Predicate<Step> predicate) {
        return steps().filter(predicate).count();
    }

    private static String heading(Cluster cluster) {
        return (cluster.entry() == null ? "" : cluster.entry().name() + ": ") + "namespace " + cluster.namespace()
                + " of " + cluster.access().name();
    }

    /** "~ update    orders (specs/orders.toml)", "! blocked   audit (audit.toml): why". */
    private static String line(Step step) {
        return step.action().symbol + " " + String.format("%-9s", step.action().word()) + " " + step.id()
                + (step.file() == null ? " (no spec describes it)" : " (" + step.file() + ")")
                + (step.reason() == null ? "" : ": " + step.reason());
    }
}
