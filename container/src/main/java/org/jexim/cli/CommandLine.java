package org.jexim.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parsed command line: the options that apply to every mode (-C, -D, -f, -odq ...), the
 * mode itself, and the arguments that follow. Parsed as Exim parses its own: options first,
 * then the rest as arguments of the mode.
 */
public final class CommandLine {
    final Map<String, String> macros = new LinkedHashMap<>();
    final List<String> arguments = new ArrayList<>();
    /** The command line as given, for log_selector arguments. */
    final List<String> given = new ArrayList<>();
    final Map<String, String> flags = new LinkedHashMap<>();
    Path configFile;
    String mode;
    String modeArgument;
    PrintStream out = System.out;
    PrintStream err = System.err;
    InputStream in = System.in;

    /** The configure file in use: -C, else /etc/jexim/configure when present, else the repository's default. */
    public Path configFile() {
        if (configFile != null) {
            return configFile;
        }
        Path system = Path.of("/etc/jexim/configure");
        if (Files.isRegularFile(system)) {
            return system;
        }
        return home().resolve("configure");
    }

    /** The jexim installation: the repository root the ./jexim script runs from. */
    public static Path home() {
        return Path.of(System.getProperty("jexim.home", ".")).toAbsolutePath().normalize();
    }

    /** Macros from -D, in command line order. */
    public Map<String, String> macros() {
        return macros;
    }

    public String mode() {
        return mode;
    }

    /** The value attached to the mode (the IP of -bh, the NAME of -bP's first word ...), or null. */
    public String modeArgument() {
        return modeArgument;
    }

    public List<String> arguments() {
        return arguments;
    }

    /** Other options seen (-f, -odq, -v ...), by name, with their value or "" when they take none. */
    public Map<String, String> flags() {
        return flags;
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    public InputStream in() {
        return in;
    }
}
