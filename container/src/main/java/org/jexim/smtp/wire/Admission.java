package org.jexim.smtp.wire;

import java.util.Optional;

/** Decides whether a new connection is served, before any byte is written to it (Exim's daemon and smtp_start_session checks). */
public interface Admission {
    /**
     * The refusal to write before closing (reply lines with CRLF), or empty to serve the
     * connection; {@code others} and {@code othersFromIp} count the connections already open.
     */
    Optional<String> refuse(String ip, int others, int othersFromIp);
}
