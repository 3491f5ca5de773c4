package dev.ticdcctl.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Keeps a subcommand's help about the subcommand: its synopsis and option list show its own options, and the options
 * every command inherits are listed once, under "Global options".
 */
final class HelpLayout {
    private static final String GLOBAL_OPTIONS = "globalOptions";

    private HelpLayout() {}

    static void install(CommandLine cl) {
        cl.setHelpFactory(OwnOptionsHelp::new);
        List<String> keys = new ArrayList<>(cl.getHelpSectionKeys());
        keys.add(keys.indexOf(UsageMessageSpec.SECTION_KEY_OPTION_LIST) + 1, GLOBAL_OPTIONS);
        Map<String, IHelpSectionRenderer> sections = new HashMap<>(cl.getHelpSectionMap());
        sections.put(UsageMessageSpec.SECTION_KEY_OPTION_LIST, help -> help.optionListExcludingGroups(own(help)));
        sections.put(GLOBAL_OPTIONS, help -> {
            List<OptionSpec> inherited = help.commandSpec().options().stream().filter(OptionSpec::inherited).toList();
            return inherited.isEmpty() ? "" : "%nGlobal options:%n".formatted() + help.optionListExcludingGroups(inherited);
        });
        cl.setHelpSectionKeys(keys);
        cl.setHelpSectionMap(sections);
    }

    private static List<OptionSpec> own(Help help) {
        return help.commandSpec().options().stream().filter(o -> !o.inherited()).toList();
    }

    /** Leaves inherited options out of the synopsis and names them with one {@code [global options]}. */
    private static final class OwnOptionsHelp extends Help {
        OwnOptionsHelp(CommandLine.Model.CommandSpec spec, ColorScheme colorScheme) {
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
