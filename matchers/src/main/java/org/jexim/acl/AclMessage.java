package org.jexim.acl;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * The message as the DATA, MIME, PRDR and non-SMTP ACLs see it (and the QUIT ACLs after a
 * message): its header lines as received and its whole text, for conditions that read the
 * body ({@code spam}, {@code malware}, {@code regex}) and for {@code $h_...} expansions.
 */
public interface AclMessage {
    /**
     * The header lines as received, each "Name: value" with its continuation lines and its
     * trailing "\n" (the form {@link org.jexim.conf.expand.Headers} reads).
     */
    List<String> headerLines();

    /** The whole message, headers, blank line and body, with LF line ends, as spooled. */
    InputStream open() throws IOException;

    /** The whole message as bytes (what {@link #open} gives). */
    byte[] bytes() throws IOException;

    /** Its size in bytes, Exim's $message_size. */
    long size();

    /** Where the message lies on disk, when it does (a spool -D file or a temporary file). */
    default Optional<java.nio.file.Path> file() {
        return Optional.empty();
    }
}
