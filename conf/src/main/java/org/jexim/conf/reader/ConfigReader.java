package org.jexim.conf.reader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.jexim.conf.ConfigurationException;
import org.jexim.conf.model.Configuration;

/** Reads a whole Exim configure file into a {@link Configuration}. */
public final class ConfigReader {
    private ConfigReader() {
    }

    /**
     * Reads {@code file}, with the macros given by -D on the command line overriding the
     * file's own definitions.
     */
    public static Configuration read(Path file, Map<String, String> commandLineMacros)
            throws ConfigurationException, IOException {
        throw new UnsupportedOperationException("filled in by the reader work");
    }
}
