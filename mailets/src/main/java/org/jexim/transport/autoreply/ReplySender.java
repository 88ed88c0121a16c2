package org.jexim.transport.autoreply;

import java.io.IOException;
import java.util.List;

/** Submits a generated reply (from the null sender) to the given recipients: the server's mailet context, or a test's list. */
@FunctionalInterface
public interface ReplySender {
    void send(List<String> recipients, byte[] message) throws IOException;

    /** No server to submit to (-bt and tests that do not send). */
    ReplySender NONE = (recipients, message) -> {
        throw new IOException("no mail submission available");
    };
}
