package dev.ticdcctl.cli.root;

import dev.ticdcctl.cli.OutputFormats;
import dev.ticdcctl.output.Format;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine;

/**
 * Keeps a subcommand's help about the subcommand: its synopsis and option list show its own options, then its
 * examples, and last the options every command inherits in a short form (gh's "inherited flags"): the {@code -o}
 * formats of this command and the other names, with where to read about them ({@code ticdcctl help global-options}).
 * The root's help lists them in full: there they are the command's own options.
 */
public final class HelpLayout {
    static final String TOPIC = "global-options";
    private static final String GLOBAL_OPTIONS = "globalOptions";

    private HelpLayout() {}

    static void install(CommandLine cl) {
        cl.setHelpFactory(OwnOptionsHelp::new);
        List<String> keys = new ArrayList<>(cl.getHelpSectionKeys());
        keys.add(GLOBAL_OPTIONS);
        Map<String, IHelpSectionRenderer> sections = new HashMap<>(cl.getHelpSectionMap());
        sections.put(UsageMessageSpec.SECTION_KEY_OPTION_LIST, help -> help.optionListExcludingGroups(own(help)));
        sections.put(GLOBAL_OPTIONS, HelpLayout::shortGlobalOptions);
        cl.setHelpSectionKeys(keys);
        cl.setHelpSectionMap(sections);
    }

    /** The text of {@code ticdcctl help global-options}: every global option with its description. */
    static String topic(CommandLine root) {
        return "Global options: every command takes them, before or after its name.\n\n"
                + root.getHelp().optionListExcludingGroups(global(root.getCommandSpec()));
    }

    /** The options the root passes to every command, in the order of its help. */
    public static List<OptionSpec> global(CommandSpec root) {
        return root.options().stream()
                .filter(o -> o.scopeType() == ScopeType.INHERIT && !o.hidden() && !o.usageHelp() && !o.versionHelp())
                .sorted(Comparator.comparingInt(OptionSpec::order))
                .toList();
    }

    private static String shortGlobalOptions(Help help) {
        CommandSpec spec = help.commandSpec();
        if (spec.parent() == null) {
            return "";
        }
        StringBuilder text = new StringBuilder("%nGlobal options:%n".formatted());
        List<Format> formats = OutputFormats.of(spec);
        if (!formats.isEmpty()) {
            text.append("  -o, --output=FORMAT  ").append(OutputFormats.names(formats))
                    .append(" (default: ").append(formats.get(0)).append(")\n");
        }
        List<String> names = global(spec.root()).stream()
                .filter(o -> formats.isEmpty() || !OutputFormats.isOutput(o))
                .map(o -> String.join("/", o.names()))
                .toList();
        int width = spec.usageMessage().width();
        StringBuilder line = new StringBuilder(" ");
        for (String name : names) {
            if (line.length() > 1 && line.length() + name.length() + 2 > width) {
                text.append(line).append('\n');
                line = new StringBuilder(" ");
            }
            line.append(' ').append(name).append(',');
        }
        text.append(line, 0, line.length() - 1).append('\n');
        return text.append("Run 'ticdcctl help ").append(TOPIC).append("' for their descriptions.\n").toString();
    }

    private static List<OptionSpec> own(Help help) {
        return help.commandSpec().options().stream().filter(o -> !o.inherited()).toList();
    }

    /** Leaves inherited options out of the synopsis and names them with one {@code [global options]}. */
    private static final class OwnOptionsHelp extends Help {
        OwnOptionsHelp(CommandSpec spec, ColorScheme colorScheme) {
            super(spec, colorScheme);
        }

        /** Every subcommand takes the global options (even where the man pages removed them from its model). */
        @Override
        protected Ansi.Text createDetailedSynopsisOptionsText(Collection<ArgSpec> done, List<OptionSpec> optionList,
                Comparator<OptionSpec> optionSort, boolean clusterBooleanOptions) {
            List<OptionSpec> own = optionList.stream().filter(o -> !o.inherited()).toList();
            Ansi.Text text = super.createDetailedSynopsisOptionsText(done, own, optionSort, clusterBooleanOptions);
            return commandSpec().parent() != null ? text.concat(" [global options]") : text;
        }
    }
}
