package org.jexim.cli;

import java.util.List;
import org.jexim.conf.ConfigurationException;
import org.jexim.conf.model.Configuration;
import org.jexim.conf.options.SystemAccounts;
import org.jexim.conf.reader.ConfigReader;

/** -bP: print options, drivers and macros as Exim prints them. */
final class PrintOptionsCommand implements Command {
    /** The Exim version jexim answers for, as -bP config's heading names it. */
    private static final String VERSION = "4.96";

    @Override
    public int run(CommandLine line) throws Exception {
        List<String> words = line.arguments();
        if (line.modeArgument() != null) {
            words = new java.util.ArrayList<>(words);
            words.add(0, line.modeArgument());
        }
        boolean noLabels = line.flags().containsKey("-n");
        if (!words.isEmpty() && words.get(0).equals("config")) {
            // Exim prints only the configure for "-bP config", whatever follows
            List<String> saved = new java.util.ArrayList<>();
            saved.add("# Exim Configuration (" + VERSION + ")");
            try {
                saved.addAll(ConfigReader.savedLines(line.configFile(), line.macros()));
            } catch (ConfigurationException e) {
                line.err().println(e.eximText());
                return 1;
            }
            PrintConfigText.print(saved, OptionCaller.isAdmin(null), noLabels, line.out());
            line.out().flush();
            return 0;
        }
        Configuration config;
        try {
            config = ConfigReader.read(line.configFile(), line.macros());
        } catch (ConfigurationException e) {
            line.err().println(e.eximText());
            return 1;
        }
        OptionPrintSettings settings = new OptionPrintSettings(OptionCaller.isAdmin(config), noLabels,
                SystemAccounts.LOCAL, org.jexim.conf.options.DefaultHostName::primaryHostName);
        boolean ok = new OptionPrinter(config, settings, line.out(), line.err()).print(words);
        line.out().flush();
        return ok ? 0 : 1;
    }
}
