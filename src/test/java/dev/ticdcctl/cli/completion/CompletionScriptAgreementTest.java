package dev.ticdcctl.cli.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.cli.completion.Completions.Candidate;
import dev.ticdcctl.cli.root.HelpTest;
import dev.ticdcctl.testing.Requirements;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The scripts' own answers (commands, options, fixed values) are {@code ticdcctl __complete}'s: for command lines
 * made from the whole tree (every command, its options and their values, aliases, help paths, {@code --}, options
 * after positional values), each shell's table walk prints what {@code __complete} prints, and hands over to it
 * exactly where {@link CompletionEngine} looks a live value up.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompletionScriptAgreementTest {
    /** Separates the cases on the shells' input and output. */
    private static final String END = "\u001e";
    /** What a shell prints for a case it leaves to {@code __complete}. */
    private static final String LIVE = "LIVE";
    /** The commands on which every global option is tried (on the others only their own options are). */
    private static final Set<String> GLOBALS_ON = Set.of("", "changefeed export", "config use-context");

    @TempDir
    Path home;
    private List<List<String>> cases;
    /** What {@code ticdcctl __complete} prints for each case (the engine's lines), or null for the live ones. */
    private final List<String> expected = new ArrayList<>();

    @BeforeAll
    void completeEveryCaseWithTheEngine() {
        cases = HelpTest.withCommandTree(tree -> {
            List<List<String>> all = cases(tree);
            for (List<String> words : all) {
                Recording lookups = new Recording();
                Completions completions = new CompletionEngine(tree, lookups)
                        .complete(words.subList(0, words.size() - 1), words.get(words.size() - 1));
                expected.add(lookups.asked ? null : completions.lines());
            }
            return all;
        });
    }

    /** Live values that note being asked for. */
    private static final class Recording implements LiveValues {
        boolean asked;

        @Override
        public List<Candidate> changefeeds(List<String> connection) {
            asked = true;
            return List.of();
        }

        @Override
        public List<Candidate> captures(List<String> connection) {
            asked = true;
            return List.of();
        }

        @Override
        public List<Candidate> contexts(List<String> connection) {
            asked = true;
            return List.of();
        }

        @Override
        public List<Candidate> keyspaces(List<String> connection) {
            asked = true;
            return List.of();
        }
    }

    @ParameterizedTest
    @EnumSource(CompletionShell.class)
    void each_shell_answers_as_ticdcctl_does_and_asks_it_only_for_live_values(CompletionShell shell)
            throws Exception {
        List<String> answers = answers(shell);
        List<String> differences = new ArrayList<>();
        int asked = 0;
        for (int i = 0; i < cases.size(); i++) {
            String answer = answers.get(i);
            boolean liveValues = expected.get(i) == null;
            if (answer.equals(LIVE)) {
                asked++;
                if (!liveValues) {
                    differences.add(cases.get(i) + ": the script asks ticdcctl for static values");
                }
            } else if (liveValues) {
                differences.add(cases.get(i) + ": the script answers live values itself: " + answer);
            } else if (!answer.equals(expected.get(i))) {
                differences.add(cases.get(i) + ":\n-- script:\n" + answer + "\n-- ticdcctl:\n" + expected.get(i));
            }
        }
        assertEquals(List.of(), differences, () -> differences.size() + " of " + cases.size() + " differ");
        int count = asked;
        assertTrue(cases.size() > 800 && asked > 20 && asked < cases.size() / 5, () -> cases.size() + " cases, " + count
                + " live");
    }

    /** Each case's answer from the shell's table walk, or {@link #LIVE}, in one run of the shell. */
    private List<String> answers(CompletionShell shell) throws Exception {
        String program = switch (shell) {
            case bash -> "bash";
            case zsh -> "zsh";
            case fish -> "fish";
        };
        Requirements.requireProgram(program);
        Path script = home.resolve(shell.fileName());
        Files.writeString(script, HelpTest.withCommandTree(shell::script), StandardCharsets.UTF_8);
        Path input = home.resolve("cases");
        StringBuilder text = new StringBuilder();
        cases.forEach(words -> {
            words.forEach(w -> text.append(w).append('\n'));
            text.append(END).append('\n');
        });
        Files.writeString(input, text.toString(), StandardCharsets.UTF_8);
        String driver = switch (shell) {
            case bash -> """
                    source "$1"; ws=()
                    while IFS= read -r word; do
                        if [[ $word == $'\\x1e' ]]; then
                            if _ticdcctl_static "${ws[@]}"; then printf '%s\\n' "${lines[@]}"; else echo LIVE; fi
                            echo $'\\x1e'; ws=()
                        else ws+=("$word"); fi
                    done < "$2"
                    """;
            case zsh -> """
                    compdef() { :; } # the completion system is not loaded: nothing to register with
                    source "$1"; ws=()
                    while IFS= read -r word; do
                        if [[ $word == $'\\x1e' ]]; then
                            if _ticdcctl_static "${ws[@]}"; then print -r -l -- "${lines[@]}"; else echo LIVE; fi
                            echo $'\\x1e'; ws=()
                        else ws+=("$word"); fi
                    done < "$2"
                    """;
            case fish -> """
                    source $argv[1]; set -l ws
                    while read -l word
                        if test "$word" = \\x1e
                            set -l out (__ticdcctl_static $ws); and printf '%s\\n' $out; or echo LIVE
                            echo \\x1e; set ws
                        else
                            set -a ws $word
                        end
                    end < $argv[2]
                    """;
        };
        List<String> command = new ArrayList<>(switch (shell) {
            case bash -> List.of("bash", "--norc", "--noprofile", "-c", driver, "bash");
            case zsh -> List.of("zsh", "-f", "-c", driver, "zsh");
            case fish -> List.of("fish", "--no-config", "-c", driver);
        });
        command.addAll(List.of(script.toString(), input.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PATH", "/usr/bin:/bin");
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "no answer from " + program);
        assertEquals(0, process.exitValue(), output);
        List<String> answers = new ArrayList<>();
        for (String block : output.split(END + "\n", -1)) {
            answers.add(block.stripTrailing());
        }
        answers.remove(answers.size() - 1);
        assertEquals(cases.size(), answers.size(), output);
        return answers;
    }

    /** The command lines to complete (the last word is the one completed), from the whole tree. */
    private static List<List<String>> cases(CommandLine root) {
        Set<List<String>> cases = new LinkedHashSet<>();
        addCases(root, List.of(), cases);
        return new ArrayList<>(cases);
    }

    private static void addCases(CommandLine command, List<String> path, Set<List<String>> cases) {
        String pathName = String.join(" ", path);
        for (String word : List.of("", "-", "--", "--x", "x")) {
            cases.add(with(path, word));
        }
        for (List<String> after : List.of(List.of("x", ""), List.of("x", "-"), List.of("x", "y", ""),
                List.of("--", ""), List.of("--", "-"), List.of("x", "--", ""), List.of("--x", ""))) {
            cases.add(with(path, after.toArray(String[]::new)));
        }
        for (String name : command.getSubcommands().keySet()) {
            cases.add(with(path, name.substring(0, 1)));
            cases.add(with(path, name.substring(0, Math.min(2, name.length()))));
            cases.add(with(path, name));
            cases.add(with(List.of("help"), with(path, name, "").toArray(String[]::new)));
        }
        boolean allGlobals = GLOBALS_ON.contains(pathName);
        for (OptionSpec option : command.getCommandSpec().options()) {
            if (!allGlobals && option.inherited()) {
                continue;
            }
            for (String name : option.names()) {
                cases.add(with(path, name, ""));
            }
            String longest = option.longestName();
            cases.add(with(path, longest + "="));
            cases.add(with(path, longest.substring(0, Math.min(4, longest.length()))));
            cases.add(with(path, longest + "=x", "-"));
            cases.add(with(path, longest, "v", "-"));
            if (option.completionCandidates() != null) {
                for (String value : option.completionCandidates()) {
                    cases.add(with(path, longest, value.substring(0, 1)));
                    cases.add(with(path, longest + "=" + value.substring(0, 1)));
                }
            }
        }
        command.getSubcommands().forEach((name, sub) -> {
            if (name.equals(sub.getCommandName())) {
                addCases(sub, with(path, name), cases);
            }
        });
    }

    private static List<String> with(List<String> path, String... words) {
        List<String> all = new ArrayList<>(path);
        all.addAll(Arrays.asList(words));
        return all;
    }
}
