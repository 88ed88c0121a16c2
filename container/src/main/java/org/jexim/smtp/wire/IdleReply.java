package org.jexim.smtp.wire;

import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.api.Response;

/** The reply (ending the session) to a client that sent nothing for the receive timeout. */
public interface IdleReply {
    Response timedOut(ProtocolSession session);
}
