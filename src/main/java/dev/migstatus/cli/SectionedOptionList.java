package dev.migstatus.cli;

import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * Lists a command's options under the headings of the mixins they come from (Portal, Watching, …).
 * Mixins rather than picocli's argument groups: a group starts over when one of its options is
 * repeated, silently dropping the others given before it. When only --help and --version are left
 * over, they come first without a heading of their own, rather than as a lone "Options:".
 */
final class SectionedOptionList implements IHelpSectionRenderer {

    @Override
    public String render(Help help) {
        CommandSpec spec = help.commandSpec();
        // A hidden option (logs -O, the old name of --output-file) still parses, but is not offered.
        List<OptionSpec> rest = new ArrayList<>(spec.options().stream().filter(o -> !o.hidden()).toList());
        StringBuilder out = new StringBuilder();
        for (CommandSpec mixin : spec.mixins().values()) {
            if (mixin.userObject() instanceof HelpSection section) {
                List<OptionSpec> options = mixin.options().stream().filter(o -> !o.hidden()).toList();
                out.append(String.format("%n%s:%n", section.heading())).append(help.optionListExcludingGroups(options));
                rest.removeAll(options);
            }
        }
        if (!rest.isEmpty() && rest.stream().allMatch(HelpLayout::helpOption)) {
            return String.format("%n") + help.optionListExcludingGroups(rest) + out;
        }
        if (!rest.isEmpty()) {
            out.append(String.format("%nOptions:%n")).append(help.optionListExcludingGroups(rest));
        }
        return out.toString();
    }
}
