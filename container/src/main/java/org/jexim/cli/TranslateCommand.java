package org.jexim.cli;

import java.nio.file.Path;
import org.jexim.conf.ConfigurationException;
import org.jexim.conf.model.Configuration;
import org.jexim.conf.reader.ConfigReader;
import org.jexim.conf.translate.Translation;
import org.jexim.conf.translate.TranslationProblem;
import org.jexim.conf.translate.Translator;

/**
 * {@code translate -o DIR}: writes the James configuration of the configure file in use.
 * What cannot be translated is listed as FILE:LINE: reason and nothing is written (exit 1);
 * limitations are listed as warnings.
 */
final class TranslateCommand implements Command {
    @Override
    public int run(CommandLine line) throws Exception {
        Path out = outputDirectory(line);
        if (out == null) {
            line.err().println("jexim: translate needs -o DIR");
            return 1;
        }
        Configuration config;
        try {
            config = ConfigReader.read(line.configFile(), line.macros());
        } catch (ConfigurationException e) {
            line.err().println(e.eximText());
            return 1;
        }
        Translation translation = Translator.translate(config);
        report(translation, line);
        if (!translation.complete()) {
            return 1;
        }
        translation.writeTo(out);
        // the directory must start a stock James as it is: the self-signed certificate smtpserver.xml names
        org.jexim.smtp.tls.SelfSignedCertificate.ensure(out);
        return 0;
    }

    /** Prints the problems and warnings of a translation, one per line, as FILE:LINE: reason. */
    static void report(Translation translation, CommandLine line) {
        for (TranslationProblem p : translation.problems()) {
            line.err().println("jexim translate: " + p.describe());
        }
        for (TranslationProblem w : translation.warnings()) {
            line.err().println("jexim translate: warning: " + w.describe());
        }
    }

    private static Path outputDirectory(CommandLine line) {
        for (var e : line.flags().entrySet()) {
            if (e.getKey().startsWith("-o") && e.getKey().length() > 2 && !e.getKey().startsWith("-oX")) {
                return Path.of(e.getKey().substring(2));
            }
        }
        if (line.flags().containsKey("-o") && !line.arguments().isEmpty()) {
            return Path.of(line.arguments().get(0));
        }
        return null;
    }
}
