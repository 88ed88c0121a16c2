package org.jexim.log;

import java.util.Optional;

/**
 * The remote end of an SMTP session as Exim's log lines name it: {@code H=name (helo) [ip]:port}
 * and the RFC 1413 identity {@code U=}.
 *
 * @param verifiedName the host name looked up and verified from the IP address, if any
 * @param helo the name given in HELO/EHLO, if any
 */
public record SmtpPeer(String ip, int port, Optional<String> verifiedName, Optional<String> helo,
                       Optional<String> ident) {

    public static SmtpPeer of(String ip, int port) {
        return new SmtpPeer(ip, port, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public SmtpPeer withHelo(String name) {
        return new SmtpPeer(ip, port, verifiedName, Optional.ofNullable(name), ident);
    }

    public SmtpPeer withVerifiedName(String name) {
        return new SmtpPeer(ip, port, Optional.ofNullable(name), helo, ident);
    }

    public SmtpPeer withIdent(String user) {
        return new SmtpPeer(ip, port, verifiedName, helo, Optional.ofNullable(user));
    }

    /** {@code H=...}: the verified name alone when HELO agrees, the HELO name in parentheses otherwise. */
    public String hostField(boolean withPort) {
        StringBuilder sb = new StringBuilder("H=");
        verifiedName.ifPresent(sb::append);
        helo.filter(h -> verifiedName.map(v -> !v.equalsIgnoreCase(h)).orElse(true))
            .ifPresent(h -> sb.append(sb.length() > 2 ? " " : "").append('(').append(h).append(')'));
        if (sb.length() > 2) {
            sb.append(' ');
        }
        sb.append('[').append(ip).append(']');
        if (withPort) {
            sb.append(':').append(port);
        }
        return sb.toString();
    }
}
