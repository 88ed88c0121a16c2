package org.jexim.conf.translate;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jexim.conf.model.DriverInstance;
import org.jexim.conf.model.OptionSetting;

/**
 * The text form of options that the translation carries and the engines are built from:
 * booleans as "true"/"false", everything else as written. Used for the XML and for -bt, so
 * both build their engines from the same texts.
 */
public final class OptionTexts {
    private OptionTexts() {
    }

    public static String of(OptionSetting setting) {
        if (setting.value() instanceof Boolean b) {
            return b.toString();
        }
        return setting.text() == null ? String.valueOf(setting.value()) : setting.text();
    }

    /** All options of a driver instance, in configure order. */
    public static Map<String, String> of(DriverInstance instance) {
        Map<String, String> texts = new LinkedHashMap<>();
        instance.options().values().forEach(o -> texts.put(o.name(), of(o)));
        return texts;
    }

    /** Exim's booleans as the translation writes them (and as a bare option name means true). */
    public static boolean bool(String text, boolean unset) {
        if (text == null) {
            return unset;
        }
        return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "", "true", "yes" -> true;
            default -> false;
        };
    }
}
