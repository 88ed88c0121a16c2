package org.jexim.transport;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jexim.conf.model.DriverInstance;
import org.jexim.conf.model.RetryRule;
import org.jexim.conf.translate.OptionTexts;
import org.jexim.retry.RetrySchedule;

/** Builds a transport from its option texts (configure file or translated XML alike). */
public final class TransportFactory {
    private TransportFactory() {
    }

    public static Transport create(DriverInstance instance) {
        return create(instance.name(), instance.driver(), OptionTexts.of(instance), Clock.systemDefaultZone());
    }

    public static Transport create(String name, String driver, Map<String, String> options, Clock clock) {
        return create(name, driver, options, TransportServices.none(clock), List.of());
    }

    /** A transport with the server's authenticators, host retry hints and retry rules. */
    public static Transport create(String name, String driver, Map<String, String> options, TransportServices services,
            List<RetryRule> retryRules) {
        Clock clock = services.clock();
        return switch (driver) {
            case "appendfile" -> new AppendfileTransport(name, options, clock);
            case "smtp" -> new SmtpTransport(name, options, services, new RetrySchedule(retryRules, Duration.ofDays(1)));
            case "lmtp" -> new LmtpTransport(name, options, clock);
            case "pipe" -> new PipeTransport(name, options, clock);
            case "autoreply" -> new AutoreplyTransport(name, options, clock);
            default -> new UnsupportedTransport(name, driver);
        };
    }
}
