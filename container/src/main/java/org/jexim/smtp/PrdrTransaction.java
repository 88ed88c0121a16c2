package org.jexim.smtp;

import org.apache.james.protocols.api.ProtocolSession;

/**
 * The server's PRDR state of the current transaction, kept on James's session so that RSET and
 * the end of a message forget it: whether MAIL asked for PRDR (with prdr_enable set), and whether
 * the per-recipient checks ran for the message (its {@code <=} line then says "P=esmtp PRDR").
 */
final class PrdrTransaction {
    private static final ProtocolSession.AttachmentKey<Boolean> REQUESTED =
            ProtocolSession.AttachmentKey.of("jexim.prdrRequested", Boolean.class);
    private static final ProtocolSession.AttachmentKey<Boolean> RAN =
            ProtocolSession.AttachmentKey.of("jexim.prdrRan", Boolean.class);

    private PrdrTransaction() {
    }

    /** Each MAIL says anew whether PRDR was asked for. */
    static void requested(ProtocolSession session, boolean requested) {
        session.setAttachment(REQUESTED, requested, ProtocolSession.State.Transaction);
    }

    static boolean requested(ProtocolSession session) {
        return session.getAttachment(REQUESTED, ProtocolSession.State.Transaction).orElse(false);
    }

    static void markRan(ProtocolSession session) {
        session.setAttachment(RAN, true, ProtocolSession.State.Transaction);
    }

    static boolean ran(ProtocolSession session) {
        return session.getAttachment(RAN, ProtocolSession.State.Transaction).orElse(false);
    }
}
