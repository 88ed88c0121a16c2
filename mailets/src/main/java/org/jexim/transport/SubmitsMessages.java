package org.jexim.transport;

import org.jexim.transport.autoreply.ReplySender;

/** A transport that submits messages of its own (autoreply's replies, appendfile's quota warnings). */
public interface SubmitsMessages {
    /** Where those messages go: the server's mailet context, a test's list. */
    void sender(ReplySender sender);
}
