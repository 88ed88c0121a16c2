package org.jexim.conf.translate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jexim.conf.SourceLocation;
import org.jexim.conf.expand.Expander;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.model.Configuration;
import org.jexim.conf.model.OptionSetting;

/**
 * What every part of the translator shares: the configuration, the origin comments, the
 * problems found so far, and the one-time syntax check of expansion strings.
 */
final class TranslationContext {
    private final Configuration configuration;
    private final SourceLines lines;
    private final List<TranslationProblem> problems = new ArrayList<>();
    private final List<TranslationProblem> warnings = new ArrayList<>();
    private final InlineAcls inlineAcls = new InlineAcls();

    TranslationContext(Configuration configuration) {
        this.configuration = configuration;
        this.lines = new SourceLines(configuration.file() == null ? null
                : configuration.file().toAbsolutePath().getParent());
    }

    Configuration configuration() {
        return configuration;
    }

    /** The ACLs the SMTP server runs: the acl section's, then those written inline in options. */
    InlineAcls inlineAcls() {
        return inlineAcls;
    }

    /** The comment naming the configure line that {@code location} points at. */
    String origin(SourceLocation location) {
        return lines.origin(location);
    }

    void problem(SourceLocation location, String reason) {
        problems.add(new TranslationProblem(location, reason));
    }

    /** Translated, with a limitation the administrator must know about. */
    void warning(SourceLocation location, String reason) {
        warnings.add(new TranslationProblem(location, reason));
    }

    List<TranslationProblem> problems() {
        return problems;
    }

    List<TranslationProblem> warnings() {
        return warnings;
    }

    /** The text jexim writes for an option: booleans as true/false, the rest as written. */
    static String text(OptionSetting setting) {
        return OptionTexts.of(setting);
    }

    Optional<String> mainText(String name) {
        return configuration.mainOption(name).map(TranslationContext::text);
    }

    /** Parses an option's value once if Exim expands it, reporting a syntax error with its line. */
    void checkExpansion(OptionSetting setting, String owner) {
        if (setting.def() != null && setting.def().expanded() && !(setting.value() instanceof Boolean)) {
            String text = text(setting);
            if (text != null && (setting.name().equals("command") || setting.name().equals("transport_filter"))) {
                // a pipe command's argument "$pipe_addresses" is replaced by the addresses, never expanded
                text = text.replaceAll("(?<=^|\\s)\\$\\{?pipe_addresses\\}?(?=\\s|$)", "");
            }
            checkExpansion(text, setting.location(), owner + " option \"" + setting.name() + "\"");
        }
    }

    void checkExpansion(String text, SourceLocation location, String what) {
        if (text == null || (text.indexOf('$') < 0 && text.indexOf('\\') < 0)) {
            return;
        }
        try {
            Expander.parse(text);
        } catch (ExpansionException e) {
            problem(location, "failed to expand " + what + ": " + e.getMessage());
        }
    }
}
