package org.jexim.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jexim.conf.ConfigurationException;
import org.jexim.conf.model.Configuration;
import org.jexim.conf.reader.ConfigReader;

/**
 * Reads the configure file a command line names (-C, -D), and reports a configuration error
 * on stderr as Exim does: a timestamp, then Exim's lines.
 */
final class ConfigLoader {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter STAMP_MS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("xx");

    private ConfigLoader() {
    }

    /** The configuration, or null after printing the error on {@code line.err()}. */
    static Configuration load(CommandLine line) throws IOException {
        try {
            return ConfigReader.read(line.configFile(), macros(line.macros()));
        } catch (ConfigurationException e) {
            report(line.err(), e);
            return null;
        } catch (BadMacroException e) {
            line.err().println(e.getMessage());
            return null;
        }
    }

    /** Writes the error as Exim's log line on stderr: timestamp (and zone, pid when selected), then the text. */
    static void report(PrintStream err, ConfigurationException e) {
        ConfigurationException.LogStyle style = e.logStyle();
        ZonedDateTime now = ZonedDateTime.now();
        StringBuilder line = new StringBuilder(now.format(style.millisec() ? STAMP_MS : STAMP));
        if (style.timezone()) {
            line.append(' ').append(now.format(ZONE));
        }
        line.append(' ');
        if (style.pid()) {
            line.append('[').append(ProcessHandle.current().pid()).append("] ");
        }
        err.println(line + e.eximText());
        err.flush();
    }

    /**
     * The -D macros as Exim takes them: white space around the name, "=" and value dropped; the
     * name must start with an upper-case letter.
     */
    static Map<String, String> macros(Map<String, String> given) throws BadMacroException {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : given.entrySet()) {
            String name = e.getKey().strip();
            if (name.isEmpty() || name.charAt(0) < 'A' || name.charAt(0) > 'Z') {
                throw new BadMacroException("exim: macro name set by -D must start with an upper case letter");
            }
            out.put(name, e.getValue().strip());
        }
        return out;
    }

    /** A -D option Exim refuses. */
    static final class BadMacroException extends Exception {
        BadMacroException(String message) {
            super(message);
        }
    }
}
