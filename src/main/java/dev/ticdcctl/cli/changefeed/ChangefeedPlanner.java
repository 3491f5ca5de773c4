package dev.ticdcctl.cli.changefeed;

import dev.ticdcctl.cli.ChangefeedRef;
import dev.ticdcctl.cli.CliException;
import dev.ticdcctl.cli.ClusterAccess;
import dev.ticdcctl.cli.Clusters;
import dev.ticdcctl.cli.GlobalOptions;
import dev.ticdcctl.client.ApiResult;
import dev.ticdcctl.client.NotFoundException;
import dev.ticdcctl.model.ChangefeedDetail;
import dev.ticdcctl.model.ChangefeedState;
import dev.ticdcctl.model.ChangefeedSummary;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans what making clusters match spec files takes. Every spec is read (and every usage error found) before the
 * first request; then each described changefeed is compared with the cluster's, and with {@code prune} those of the
 * namespace that no spec describes are planned for deletion.
 */
final class ChangefeedPlanner {
    /** How to plan: delete undescribed changefeeds, pause running ones to update them. */
    record How(boolean prune, boolean restart) {}

    private final ChangefeedWriting writing;
    private final Clusters clusters;
    private final GlobalOptions options;

    ChangefeedPlanner(ChangefeedWriting writing, Clusters clusters, GlobalOptions options) {
        this.writing = writing;
        this.clusters = clusters;
        this.options = options;
    }

    /** A cluster's specs, read. */
    private record Described(SpecFiles.Group group, ClusterAccess access, List<ChangefeedInput> inputs,
            List<String> files) {}

    ChangefeedPlan plan(List<String> arguments, How how) throws InterruptedException {
        List<Described> described = new ArrayList<>();
        for (SpecFiles.Group group : SpecFiles.of(arguments, writing.sources().input())) {
            described.add(read(group));
        }
        List<ChangefeedPlan.Cluster> planned = new ArrayList<>();
        for (Described d : described) {
            planned.add(plan(d, how));
        }
        return new ChangefeedPlan(planned);
    }

    /** Reads a cluster's specs: each needs an ID, and no two may describe the same changefeed. */
    private Described read(SpecFiles.Group group) {
        ChangefeedInput.Sources sources = writing.sources();
        ClusterAccess access = sources.cluster();
        if (group.entry() != null) {
            List<String> flags = options.clusterFlags();
            if (!flags.isEmpty()) {
                throw new CliException.InvalidInput(String.join(", ", flags) + " cannot be used with an index of"
                        + " clusters (" + group.entry().declaredAt() + "), which chooses each cluster",
                        "leave " + String.join(", ", flags) + " out, or apply the cluster's directory alone");
            }
            Clusters.Chosen chosen = clusters.cluster(group.entry());
            access = chosen.access();
            sources = new ChangefeedInput.Sources(sources.input(), sources.printing(), sources.environment(),
                    chosen.options(), access);
        }
        List<ChangefeedInput> inputs = new ArrayList<>();
        Map<String, String> seen = new LinkedHashMap<>();
        for (String file : group.files()) {
            ChangefeedInput input = ChangefeedInput.read(sources, file, null, null, null, null, null);
            String name = shown(file);
            if (input.id() == null) {
                throw new CliException.InvalidInput(name + ": the spec has no id", "add id = \"...\" to the spec");
            }
            try {
                ChangefeedRef.check(input.id());
            } catch (CliException.InvalidInput e) {
                throw new CliException.InvalidInput(name + ": " + e.getMessage(), e.hint());
            }
            String earlier = seen.putIfAbsent(input.namespace() + "/" + input.id(), name);
            if (earlier != null) {
                throw new CliException.InvalidInput("changefeed \"" + input.id() + "\" in namespace "
                        + input.namespace() + " is described twice: by " + earlier + " and by " + name,
                        "keep one spec per changefeed");
            }
            inputs.add(input);
        }
        return new Described(group, access, inputs, group.files().stream().map(ChangefeedPlanner::shown).toList());
    }

    private ChangefeedPlan.Cluster plan(Described d, How how) throws InterruptedException {
        ChangefeedUpdater updater = writing.updater(d.access());
        List<ChangefeedPlan.Step> steps = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        String namespace = d.access().namespace();
        for (int i = 0; i < d.inputs().size(); i++) {
            ChangefeedInput input = d.inputs().get(i);
            if (input.namespace().equals(namespace)) {
                ids.add(input.id());
            }
            steps.add(step(input, d.files().get(i), d.access(), updater, how.restart()));
        }
        // Finished changefeeds are history, which export leaves out and TiCDC's own list hides: one no spec
        // describes is left alone, so exporting a cluster and applying the export with --prune changes nothing.
        List<String> undescribed = d.access().client().listChangefeeds(namespace, null).value().items().stream()
                .filter(cf -> !ChangefeedState.REMOVED.is(cf.state()) && !ChangefeedState.FINISHED.is(cf.state()))
                .map(ChangefeedSummary::id).filter(id -> !ids.contains(id)).toList();
        if (how.prune()) {
            undescribed.forEach(id -> steps.add(new ChangefeedPlan.Step(ChangefeedPlan.Action.DELETE, namespace, id,
                    null, List.of(), null, null, null)));
        }
        return new ChangefeedPlan.Cluster(d.group().entry(), d.access(), namespace, List.copyOf(steps),
                how.prune() ? 0 : undescribed.size());
    }

    /**
     * What one spec asks of the cluster. A finished changefeed reached its target-ts and cannot be updated or
     * resumed: matching its spec it is unchanged, differing it is blocked (delete it and apply again to re-create).
     */
    private static ChangefeedPlan.Step step(ChangefeedInput input, String file, ClusterAccess access,
            ChangefeedUpdater updater, boolean restart) throws InterruptedException {
        ApiResult<ChangefeedDetail> current;
        try {
            current = access.client().getChangefeed(input.namespace(), input.id());
        } catch (NotFoundException e) {
            ChangefeedPlan.Step create = ChangefeedPlan.Step.of(ChangefeedPlan.Action.CREATE, input, file);
            return input.sinkUri() != null ? create
                    : create.blocked("it does not exist, and the spec has no sink-uri to create it with");
        }
        ChangefeedUpdater.Plan update = updater.plan(current, input, ChangefeedUpdater.UnreadSecret.KEEP);
        if (update.changesNothing()) {
            return ChangefeedPlan.Step.of(ChangefeedPlan.Action.UNCHANGED, input, file);
        }
        ChangefeedPlan.Step step = new ChangefeedPlan.Step(ChangefeedPlan.Action.UPDATE, input.namespace(),
                input.id(), file, update.differences(), null, input, update);
        String state = current.value().state();
        if (ChangefeedState.FINISHED.is(state)) {
            return step.blocked("it is finished (it reached its target-ts) and cannot be updated; delete it and"
                    + " apply again to re-create it");
        }
        if (ChangefeedUpdater.needsPause(update)) {
            String seen = ChangefeedSettle.state(current.value());
            return restart ? step.noting("it is " + seen + ", so it is paused, updated and resumed")
                    : step.blocked("it is " + seen + ", and only a stopped or failed changefeed can be updated; add"
                            + " --restart to pause, update and resume it");
        }
        return step;
    }

    private static String shown(String file) {
        return file.equals("-") ? "<stdin>" : file;
    }
}
