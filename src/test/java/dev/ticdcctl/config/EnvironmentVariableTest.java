package dev.ticdcctl.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link EnvironmentVariable#ALL} against the code: every variable that src/main or the launcher reads is in it, and
 * everything in it is read, so that {@code help environment} and the man page neither miss nor invent one.
 */
class EnvironmentVariableTest {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path LAUNCHER = Path.of("bin/ticdcctl");
    /** A variable's name read from a variables map: {@code get("HOME")}, {@code getOrDefault("COLUMNS", ...)}. */
    private static final Pattern READ = Pattern.compile(
            "\\b(?:get|getOrDefault|getenv|variable)\\(\\s*\"([A-Z][A-Z0-9_]*)\"");
    /** In a file that reads variables, an upper-case name with an underscore is one too (HTTPS_PROXY in Proxies). */
    private static final Pattern NAME = Pattern.compile("\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\"");
    /** Variables that the launcher sets itself or that bash sets. */
    private static final Pattern ASSIGNED = Pattern.compile("(?:\\b|-v )([A-Z_][A-Z0-9_]*)=|-v ([A-Z_][A-Z0-9_]*)\\b");
    private static final Set<String> BASH_OWN = Set.of("BASH_SOURCE");

    private static Set<String> listed() {
        return EnvironmentVariable.ALL.stream().map(EnvironmentVariable::name).collect(Collectors.toSet());
    }

    /** The variables a Java source reads; the list itself does not count. */
    private static Set<String> readBy(String source) {
        Set<String> names = new TreeSet<>();
        Matcher read = READ.matcher(source);
        while (read.find()) {
            names.add(read.group(1));
        }
        if (!names.isEmpty() || source.contains("getenv(")) {
            Matcher name = NAME.matcher(source);
            while (name.find()) {
                names.add(name.group(1));
            }
        }
        return names;
    }

    private static Set<String> readByTheCode() throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")
                    && !f.endsWith("EnvironmentVariable.java") && !f.endsWith("Setting.java")).toList()) {
                names.addAll(readBy(Files.readString(file)));
            }
        }
        return names;
    }

    /** Every {@code $NAME} or {@code ${NAME...}} in upper case that the launcher does not assign itself. */
    static Set<String> readByTheLauncher(String script) {
        Set<String> assigned = new TreeSet<>(BASH_OWN);
        Matcher assignment = ASSIGNED.matcher(script);
        while (assignment.find()) {
            assigned.add(assignment.group(1) != null ? assignment.group(1) : assignment.group(2));
        }
        Set<String> names = new TreeSet<>();
        Matcher use = Pattern.compile("\\$\\{?([A-Z_][A-Z0-9_]*)").matcher(script);
        while (use.find()) {
            names.add(use.group(1));
        }
        names.removeAll(assigned);
        return names;
    }

    @Test
    void every_variable_the_code_reads_is_listed() throws IOException {
        Set<String> unlisted = readByTheCode();
        unlisted.removeAll(listed());

        assertEquals(Set.of(), unlisted, "read in src/main but not in EnvironmentVariable.ALL");
    }

    @Test
    void every_variable_the_launcher_reads_is_listed() throws IOException {
        Set<String> unlisted = readByTheLauncher(Files.readString(LAUNCHER));
        unlisted.removeAll(listed());

        assertEquals(Set.of(), unlisted, "read by bin/ticdcctl but not in EnvironmentVariable.ALL");
    }

    @Test
    void every_listed_variable_is_read() throws IOException {
        Set<String> read = readByTheCode();
        read.addAll(readByTheLauncher(Files.readString(LAUNCHER)));
        // Settings reads the settings' variables by the list.
        Arrays.stream(Setting.values()).map(Setting::variable).filter(Objects::nonNull).forEach(read::add);

        assertEquals(Set.of(), listed().stream().filter(name -> !read.contains(name)).collect(Collectors.toSet()));
    }

    @Test
    void the_scans_find_a_new_variable() {
        assertEquals(Set.of("NEW_ONE", "OTHER"), readBy("""
                String a = environment.get("OTHER");
                String b = https ? "NEW_ONE" : "OTHER";
                """));
        assertEquals(Set.of("NEW_ONE", "OTHER"), readByTheLauncher("""
                local LC_ALL=C own=1
                printf -v REPLY '%s' "$NEW_ONE"
                APP_HOME=$(dir_of "${BASH_SOURCE[0]}")
                [[ -n ${OTHER:-} ]] && echo "$APP_HOME $REPLY $LC_ALL"
                """));
    }

    @Test
    void the_list_names_each_variable_once() {
        List<String> names = EnvironmentVariable.ALL.stream().map(EnvironmentVariable::name).toList();

        assertEquals(names.size(), Set.copyOf(names).size(), names::toString);
        assertTrue(names.containsAll(List.of("TICDCCTL_CDS", "XDG_CACHE_HOME", "HOME", "TERM", "JAVA_HOME")),
                names::toString);
    }
}
