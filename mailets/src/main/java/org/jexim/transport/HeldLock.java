package org.jexim.transport;

import java.io.IOException;

/** The locks a delivery holds on a mailbox while it appends to it; closing releases them. */
interface HeldLock extends AutoCloseable {
    @Override
    void close() throws IOException;

    /** A mailbox that could not be locked: Exim's "failed to lock mailbox FILE (...)", errno ERRNO_LOCKFAILED. */
    final class Failed extends IOException {
        Failed(String message) {
            super(message);
        }
    }
}
