package org.jexim.cli;

import java.util.Map;
import java.util.Optional;

import org.jexim.submit.SubmitRequest;
import org.jexim.submit.SubmitRequest.DeliveryMode;
import org.jexim.submit.SubmitRequest.ErrorMode;

/** Reads the sendmail-interface options of a command line into a {@link SubmitRequest}. */
final class SubmitOptions {
    private SubmitOptions() {
    }

    static SubmitRequest of(CommandLine line) {
        Map<String, String> f = line.flags();
        DeliveryMode delivery = DeliveryMode.DEFAULT;
        ErrorMode errors = ErrorMode.MAIL;
        for (String flag : f.keySet()) {
            switch (flag) {
                case "-odq", "-odqs" -> delivery = DeliveryMode.QUEUE;
                case "-odi", "-odf" -> delivery = DeliveryMode.INTERACTIVE;
                case "-odb" -> delivery = DeliveryMode.BACKGROUND;
                case "-oem", "-oew", "-em", "-ew" -> errors = ErrorMode.MAIL;
                case "-oee", "-ee" -> errors = ErrorMode.MAIL_EXIT_ZERO;
                case "-oep", "-oeq", "-ep", "-eq" -> errors = ErrorMode.STDERR;
                default -> {
                }
            }
        }
        boolean dotEnds = !(f.containsKey("-i") || f.containsKey("-oi"));
        return new SubmitRequest(line.arguments(), f.containsKey("-t"), dotEnds,
            value(f, "-f").or(() -> value(f, "-r")), value(f, "-F"), delivery, errors, f.containsKey("-N"),
            value(f, "-oMa"), value(f, "-oMs"), value(f, "-oMr"), value(f, "-oMt"), value(f, "-oMai"),
            value(f, "-oMas"));
    }

    private static Optional<String> value(Map<String, String> flags, String name) {
        return Optional.ofNullable(flags.get(name));
    }
}
