package org.jexim.smtp.wire;

import java.util.Optional;
import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.api.Response;

/** Decides, before a command line reaches James's handlers, whether the connection must end on it. */
public interface CommandGate {
    /**
     * The closing reply for {@code line} (without its line ending), or empty to let the command
     * through; {@code pending} is the input that had arrived behind it.
     */
    Optional<Response> refuse(ProtocolSession session, String line, String pending);
}
