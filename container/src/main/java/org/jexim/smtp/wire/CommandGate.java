package org.jexim.smtp.wire;

import java.util.Optional;
import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.api.Response;

/**
 * Answers a command line itself, before it reaches James's handlers, where Exim refuses it in
 * its reading loop (a synchronization error, a command between BDAT chunks).
 */
public interface CommandGate {
    /**
     * The reply to {@code line} (without its line ending) when the line must not be dispatched
     * (a reply that ends the session ends the reading too), or empty to let the command through;
     * {@code pending} is the input that had arrived behind it.
     */
    Optional<Response> refuse(ProtocolSession session, String line, String pending);

    /** This gate, then {@code next} for the lines this one lets through. */
    default CommandGate then(CommandGate next) {
        return (session, line, pending) -> {
            Optional<Response> first = refuse(session, line, pending);
            return first.isPresent() ? first : next.refuse(session, line, pending);
        };
    }
}
