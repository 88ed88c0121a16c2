package org.jexim.conf.reader;

import java.util.List;
import org.jexim.conf.options.OptionDef;

/**
 * How Exim combines the settings of the options that may be repeated in a router or transport:
 * conditions are and-ed, header and "set" lists are appended to.
 */
final class RepeatedOptions {
    private RepeatedOptions() {
    }

    /** The value after {@code added} is set on top of {@code earlier} (null for the first setting). */
    static String combine(OptionDef.Repeat how, String option, String earlier, String added) {
        if (how == OptionDef.Repeat.CONDITION) {
            return earlier == null ? added : "${if and{{bool_lax{" + earlier + "}}{bool_lax{" + added + "}}}}";
        }
        char sep = option.startsWith("headers_add") ? '\n' : option.equals("set") ? ';' : ':';
        StringBuilder out = new StringBuilder(earlier == null ? "" : earlier);
        List<String> items = ExStrings.listItems(added, -sep);
        for (String item : items) {
            if (out.length() > 0) {
                out.append(sep);
            }
            out.append(item.replace(String.valueOf(sep), String.valueOf(sep) + sep));
        }
        return out.toString();
    }
}
