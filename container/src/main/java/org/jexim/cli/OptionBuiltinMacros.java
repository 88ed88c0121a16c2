package org.jexim.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jexim.conf.options.OptionTables;

/**
 * The predefined macros as -bP macros lists them before the user's: names, values and order
 * recorded from the reference Exim 4.96 binary, whose feature set jexim declares.
 */
final class OptionBuiltinMacros {
    private static final Map<String, String> ALL = load();

    private OptionBuiltinMacros() {
    }

    static Map<String, String> all() {
        return ALL;
    }

    private static Map<String, String> load() {
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream in = OptionTables.class.getResourceAsStream("builtin-macros.txt")) {
            if (in == null) {
                throw new IllegalStateException("missing builtin-macros.txt");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                int eq = line.indexOf('=');
                if (!line.startsWith("#") && eq > 0) {
                    out.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(out);
    }
}
