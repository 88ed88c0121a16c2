package org.jexim.submit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jexim.conf.model.Configuration;
import org.jexim.conf.options.OptionDef;
import org.jexim.conf.options.OptionTables;
import org.jexim.conf.translate.OptionTexts;

/**
 * The main options a local submission reads, as text, with Exim's defaults for those not set.
 */
public final class SubmitSettings {
    private final Map<String, String> options;
    private final String primaryHostname;

    public SubmitSettings(Map<String, String> options, String defaultHostname) {
        this.options = Map.copyOf(options);
        this.primaryHostname = options.getOrDefault("primary_hostname", defaultHostname);
    }

    public static SubmitSettings of(Configuration config) {
        Map<String, String> texts = new LinkedHashMap<>();
        config.mainOptions().forEach((name, setting) -> texts.put(name, OptionTexts.of(setting)));
        return new SubmitSettings(texts, hostName());
    }

    private static String hostName() {
        return org.jexim.conf.options.DefaultHostName.primaryHostName();
    }

    /** The option as set in the configure, else Exim's default text (empty when unset by default). */
    public Optional<String> option(String name) {
        String set = options.get(name);
        if (set != null) {
            return Optional.of(set);
        }
        return OptionTables.main().find(name).map(OptionDef::defaultText)
            .filter(d -> d != null && !d.equals("\\N") && !d.isEmpty() && !d.equals("unset"));
    }

    public boolean bool(String name) {
        return OptionTexts.bool(option(name).orElse("false"), false);
    }

    /** All options set in the configure, as text (for expansion contexts). */
    public Map<String, String> setOptions() {
        return options;
    }

    public String primaryHostname() {
        return primaryHostname;
    }

    public String qualifyDomain() {
        return Optional.ofNullable(options.get("qualify_domain")).orElse(primaryHostname);
    }

    public String qualifyRecipient() {
        return Optional.ofNullable(options.get("qualify_recipient")).orElse(qualifyDomain());
    }
}
