package org.jexim.log;

import java.time.Instant;
import java.util.List;

/**
 * The log lines smtp_in.c and receive.c write about an SMTP connection rather than a message: its
 * start and end (smtp_connection), connections without MAIL (smtp_no_mail), abandoned transactions
 * (smtp_incomplete_transaction), syntax and protocol errors (smtp_syntax_error, smtp_protocol_error),
 * and, whatever the selectors, connections lost or dropped for too many bad commands.
 */
public final class SmtpConnectionLog {
    private final java.util.function.Supplier<EximLog> logs;

    public SmtpConnectionLog(java.util.function.Supplier<EximLog> logs) {
        this.logs = logs;
    }

    /** The main log's, whichever {@link EximLog#main()} is current when a line is written. */
    public static SmtpConnectionLog main() {
        return new SmtpConnectionLog(EximLog::main);
    }

    /** {@code SMTP connection from [IP]}, with the daemon's connection count when given. */
    public void connected(SmtpPeer peer, Integer connectionCount) {
        EximLog log = logs.get();
        if (log.selector().has("smtp_connection")) {
            log.main(connectionInfo(peer) + (connectionCount == null ? ""
                    : " (TCP/IP connection count = " + connectionCount + ")"));
        }
    }

    /** {@code SMTP connection from HOST closed by QUIT}. */
    public void closedByQuit(SmtpPeer peer) {
        EximLog log = logs.get();
        if (log.selector().has("smtp_connection")) {
            log.main(connectionInfo(peer) + " closed by QUIT");
        }
    }

    /**
     * End of input where a command was due: {@code unexpected disconnection while reading SMTP command from
     * HOST D=...} in a transaction (lost_incoming_connection), else {@code SMTP connection from HOST lost D=...}.
     */
    public void lostReadingCommand(SmtpPeer peer, Instant start, boolean inTransaction) {
        EximLog log = logs.get();
        if (inTransaction) {
            if (log.selector().has("lost_incoming_connection")) {
                log.main("unexpected disconnection while reading SMTP command from " + hostAndIdent(peer)
                        + " D=" + MessageFacts.timeSince(start, Instant.now(), false));
            }
        } else if (log.selector().has("smtp_connection")) {
            log.main(connectionInfo(peer) + " lost D=" + MessageFacts.timeSince(start, Instant.now(), false));
        }
    }

    /** End of input inside DATA: {@code SMTP connection from HOST lost while reading message data...}. */
    public void lostReadingData(SmtpPeer peer, DataProgress progress) {
        EximLog log = logs.get();
        if (log.selector().has("lost_incoming_connection")) {
            log.main(connectionInfo(peer) + " lost while reading message data" + progress.suffix());
        }
    }

    /** {@code no MAIL in SMTP connection from HOST D=... [A=...] C=...} when no MAIL came. */
    public void noMail(SmtpPeer peer, Instant start, String authenticator, String authenticatedId, String history) {
        EximLog log = logs.get();
        if (log.selector().has("smtp_no_mail")) {
            log.main("no MAIL in SMTP connection from " + hostAndIdent(peer) + " D="
                    + MessageFacts.timeSince(start, Instant.now(), false)
                    + (authenticator == null ? "" : " A=" + authenticator + (authenticatedId == null ? "" : ":" + authenticatedId))
                    + history);
        }
    }

    /** {@code SMTP syntax error in "LINE" H=... ERROR} (smtp_syntax_error), or "protocol" (smtp_protocol_error). */
    public void commandError(boolean protocol, SmtpPeer peer, String line, String error) {
        EximLog log = logs.get();
        if (log.selector().has(protocol ? "smtp_protocol_error" : "smtp_syntax_error")) {
            log.main("SMTP " + (protocol ? "protocol" : "syntax") + " error in \"" + LogText.printable(line) + "\" "
                    + log.peerFields(peer) + " " + error);
        }
    }

    /** {@code unqualified recipient rejected: <ADDRESS> H=...} (smtp_syntax_error); {@code tag}: sender, recipient, verify. */
    public void unqualified(SmtpPeer peer, String tag, String address) {
        EximLog log = logs.get();
        if (log.selector().has("smtp_syntax_error")) {
            String line = "unqualified " + tag + " rejected: <" + address + "> " + log.peerFields(peer);
            log.mainAndReject(line, line);
        }
    }

    /** {@code VRFY failed for ARGUMENT H=...}: verification of a VRFY's address did not succeed. */
    public void vrfyFailed(SmtpPeer peer, String argument) {
        EximLog log = logs.get();
        log.main("VRFY failed for " + LogText.printable(argument) + " " + log.peerFields(peer));
    }

    /** {@code H=... incomplete transaction (WHAT) from <SENDER> [for R1 R2]}, when a transaction was open. */
    public void incompleteTransaction(SmtpPeer peer, String what, String sender, List<String> recipients) {
        EximLog log = logs.get();
        if (sender != null && log.selector().has("smtp_incomplete_transaction")) {
            log.main(log.peerFields(peer) + " incomplete transaction (" + what + ") from <" + sender + ">"
                    + (recipients.isEmpty() ? "" : " for " + String.join(" ", recipients)));
        }
    }

    /** {@code SMTP call from HOST dropped: too many unrecognized commands (last was "LINE")}. */
    public void droppedForUnrecognized(SmtpPeer peer, String line) {
        droppedForTooMany(peer, "unrecognized commands", line);
    }

    /** {@code SMTP call from HOST dropped: too many nonmail commands (last was "VERB")} (smtp_accept_max_nonmail). */
    public void droppedForNonmail(SmtpPeer peer, String verb) {
        droppedForTooMany(peer, "nonmail commands", verb);
    }

    private void droppedForTooMany(SmtpPeer peer, String what, String last) {
        EximLog log = logs.get();
        String text = "SMTP call from " + hostAndIdent(peer) + " dropped: too many " + what + " (last was \""
                + LogText.printable(last) + "\")";
        log.mainAndReject(text, text);
    }

    /**
     * {@code SMTP call from HOST dropped: too many syntax or protocol errors (last command was "...", C=...)}
     * ({@code history} is the C= field with its leading space).
     */
    public void droppedForSyntaxErrors(SmtpPeer peer, String lastCommand, String history) {
        EximLog log = logs.get();
        String text = "SMTP call from " + hostAndIdent(peer) + " dropped: too many syntax or protocol errors"
                + " (last command was \"" + LogText.printable(lastCommand) + "\", " + history + ")";
        log.mainAndReject(text, text);
    }

    /**
     * A message whose header section passed header_maxsize or one of whose header lines passed
     * header_line_maxsize: {@code WHAT received from HOST (more than N characters): message abandoned}.
     */
    public void headerAbandoned(SmtpPeer peer, String what, long limit) {
        logs.get().main(what + " received from " + hostAndIdent(peer) + " (more than " + limit
                + " characters): message abandoned");
    }

    /** smtp_get_connection_info(): {@code SMTP connection from HOST}, without H= or ident. */
    private String connectionInfo(SmtpPeer peer) {
        EximLog log = logs.get();
        return "SMTP connection from " + peer.hostField(log.selector().has("incoming_port")).substring(2);
    }

    /** host_and_ident(FALSE). */
    private String hostAndIdent(SmtpPeer peer) {
        EximLog log = logs.get();
        return log.peerFields(peer).substring(2);
    }
}
