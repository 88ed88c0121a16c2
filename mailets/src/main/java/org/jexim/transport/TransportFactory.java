package org.jexim.transport;

import java.time.Clock;
import java.util.Map;
import org.jexim.conf.model.DriverInstance;
import org.jexim.conf.translate.OptionTexts;

/** Builds a transport from its option texts (configure file or translated XML alike). */
public final class TransportFactory {
    private TransportFactory() {
    }

    public static Transport create(DriverInstance instance) {
        return create(instance.name(), instance.driver(), OptionTexts.of(instance), Clock.systemDefaultZone());
    }

    public static Transport create(String name, String driver, Map<String, String> options, Clock clock) {
        if (driver.equals("appendfile")) {
            return new AppendfileTransport(name, options, clock);
        }
        if (driver.equals("smtp")) {
            return new SmtpTransport(name, options);
        }
        if (driver.equals("pipe")) {
            return new PipeTransport(name, options, clock);
        }
        return new UnsupportedTransport(name, driver);
    }
}
