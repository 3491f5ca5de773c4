package dev.ticdcctl.cli.changefeed;

import dev.ticdcctl.cli.CliException;
import dev.ticdcctl.cli.UserInput;
import dev.ticdcctl.config.ClusterIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The spec files that {@code -f} arguments name, grouped by cluster: files, {@code -} and plain directories (their
 * {@code *.toml}, {@code *.json}, {@code *.yaml} and {@code *.yml}, sorted by name) describe the invocation's
 * cluster; a directory holding an index ({@code ticdcctl.toml}) describes one cluster per subdirectory it names.
 */
final class SpecFiles {
    private static final Set<String> EXTENSIONS = Set.of(".toml", ".json", ".yaml", ".yml");

    /** The specs of one cluster: {@code entry} names it, or is null for the invocation's. */
    record Group(ClusterIndex.Entry entry, List<String> files) {}

    private SpecFiles() {}

    /** The groups, the invocation's cluster first when anything describes it; usage errors for what cannot be read. */
    static List<Group> of(List<String> arguments, UserInput input) {
        List<String> plain = new ArrayList<>();
        List<Group> indexed = new ArrayList<>();
        for (String argument : arguments) {
            Path path = Path.of(argument);
            if (argument.equals("-") || Files.isRegularFile(path)) {
                plain.add(argument);
            } else if (!Files.isDirectory(path)) {
                throw new CliException.InvalidInput(argument + ": no such file or directory", null);
            } else if (Files.isRegularFile(path.resolve(ClusterIndex.FILE_NAME))) {
                indexed.addAll(clusters(path, input));
            } else {
                plain.addAll(specsIn(path));
            }
        }
        List<Group> groups = new ArrayList<>();
        if (!plain.isEmpty()) {
            groups.add(new Group(null, plain));
        }
        groups.addAll(indexed);
        return groups;
    }

    /** One group per cluster of the index; anything else in the directory is refused rather than left out. */
    private static List<Group> clusters(Path directory, UserInput input) {
        Path indexFile = directory.resolve(ClusterIndex.FILE_NAME);
        ClusterIndex index = ClusterIndex.parse(new String(input.readInput(indexFile.toString()),
                StandardCharsets.UTF_8), indexFile.toString());
        Set<String> named = index.clusters().stream().map(ClusterIndex.Entry::name).collect(Collectors.toSet());
        for (Path child : list(directory)) {
            String name = child.getFileName().toString();
            if (name.equals(ClusterIndex.FILE_NAME) || name.startsWith(".")) {
                continue;
            }
            if (Files.isDirectory(child) && !named.contains(name)) {
                throw new CliException.InvalidInput(child + ": a directory that " + indexFile
                        + " does not name", "add [clusters." + name + "] to the index, or move the directory");
            }
            if (isSpec(child)) {
                throw new CliException.InvalidInput(child + ": a spec beside " + indexFile
                        + ", which describes no cluster", "move it into the directory of its cluster");
            }
        }
        List<Group> groups = new ArrayList<>();
        for (ClusterIndex.Entry entry : index.clusters()) {
            Path specs = directory.resolve(entry.name());
            if (!Files.isDirectory(specs)) {
                throw new CliException.InvalidInput(entry.declaredAt() + ": clusters." + entry.name()
                        + " has no directory " + specs, null);
            }
            groups.add(new Group(entry, specsIn(specs)));
        }
        return groups;
    }

    /**
     * The specs in a directory, sorted; none is a usage error, since with --prune an empty or mistyped directory
     * would delete every changefeed.
     */
    private static List<String> specsIn(Path directory) {
        List<String> specs = list(directory).stream().filter(SpecFiles::isSpec).map(Path::toString).toList();
        if (specs.isEmpty()) {
            throw new CliException.InvalidInput(directory + ": no changefeed specs (*.toml, *.json, *.yaml, *.yml)",
                    "to remove every changefeed, use 'ticdcctl changefeed delete --all'");
        }
        return specs;
    }

    private static boolean isSpec(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(file) && !name.startsWith(".") && !name.equals(ClusterIndex.FILE_NAME)
                && EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    private static List<Path> list(Path directory) {
        try (Stream<Path> children = Files.list(directory)) {
            return children.sorted().toList();
        } catch (IOException e) {
            throw new CliException.InvalidInput(directory + ": cannot be read: " + e.getMessage(), null);
        } catch (UncheckedIOException e) {
            throw new CliException.InvalidInput(directory + ": cannot be read: " + e.getCause().getMessage(), null);
        }
    }
}
