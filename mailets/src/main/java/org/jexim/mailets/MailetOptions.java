package org.jexim.mailets;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.mailet.MailetConfig;

/** The option texts the translator wrote as a mailet's parameters, without name and driver. */
final class MailetOptions {
    private MailetOptions() {
    }

    static Map<String, String> of(MailetConfig config) {
        Map<String, String> options = new LinkedHashMap<>();
        for (Iterator<String> it = config.getInitParameterNames(); it.hasNext();) {
            String name = it.next();
            if (!name.equals("name") && !name.equals("driver")) {
                options.put(name, config.getInitParameter(name));
            }
        }
        return options;
    }
}
