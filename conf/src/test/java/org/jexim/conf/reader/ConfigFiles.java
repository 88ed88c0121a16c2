package org.jexim.conf.reader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jexim.conf.ConfigurationException;
import org.jexim.conf.model.Configuration;

/** Writes configure files into a test's directory and reads them. */
final class ConfigFiles {
    private final Path dir;

    ConfigFiles(Path dir) {
        this.dir = dir;
    }

    Path write(String name, String text) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Configuration read(String text) throws ConfigurationException, IOException {
        return read(text, Map.of());
    }

    Configuration read(String text, Map<String, String> macros) throws ConfigurationException, IOException {
        return ConfigReader.read(write("configure", text), macros);
    }

    /** The value of a main option as written (after macros), or null when unset. */
    static String main(Configuration c, String option) {
        return c.mainOption(option).map(o -> o.text()).orElse(null);
    }

    Path dir() {
        return dir;
    }
}
