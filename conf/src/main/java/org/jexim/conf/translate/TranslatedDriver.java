package org.jexim.conf.translate;

import java.util.Map;

/** A driver instance as a translation keeps it (an authenticator): its name, driver and option texts. */
public record TranslatedDriver(String name, String driver, Map<String, String> options) {
}
