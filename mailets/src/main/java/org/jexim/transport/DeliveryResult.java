package org.jexim.transport;

/**
 * What a transport did with an address: delivered, deferred (retry later) or failed (bounce),
 * with the error for the log, any output the command produced that the bounce returns, the
 * error as the bounce shows it when that differs from the log's (null: the same), Exim's error
 * number for the {@code defer (N)} of the log, and for remote deliveries the connection that
 * carried it (the H=, X=, K and C= fields); a deferral may also freeze the message (pipe's freeze_exec_fail).
 * {@code size} is the number of bytes the transport wrote for a delivered message (S= with
 * log_selector delivery_size), -1 when not counted. {@code panicNote}: non-null for a deferral Exim
 * also writes to the panic log (a transport's PANIC return, such as a tainted file name); when not
 * empty, a line the log writes (main and panic) before the {@code ==} line, naming the cause.
 */
public record DeliveryResult(Kind kind, String message, String output, String userMessage, RemoteReply remote,
        int errno, Connection connection, boolean additional, boolean freeze, long size, String panicNote) {
    /** The host that refused an address and its reply, for the DSN's Remote-MTA and Diagnostic-Code. */
    public record RemoteReply(String host, String reply) {
    }

    /**
     * The remote host an address went to: {@code hostName [ip]}, the TLS fields ({@code X=... CV=...},
     * null without TLS), the client authenticator that succeeded (A=, null: none), whether BDAT
     * carried the message (K) and the final reply (C=).
     */
    public record Connection(String hostName, String ip, String tls, String authenticator, boolean chunking,
            String confirmation, Endpoints endpoints, boolean pipelining, boolean continued) {
        public Connection(String hostName, String ip, String tls, String authenticator, boolean chunking,
                String confirmation) {
            this(hostName, ip, tls, authenticator, chunking, confirmation, Endpoints.UNKNOWN, false, false);
        }

        /**
         * No host, only the final reply of a local LMTP delivery, which Exim logs as C= (with
         * smtp_confirmation) although the transport is local.
         */
        public static Connection lmtp(String confirmation) {
            return new Connection(null, null, null, null, false, confirmation);
        }

        /** Whether this is {@link #lmtp}'s: no host. */
        public boolean local() {
            return hostName == null;
        }

        /** This connection with its ports and local address (log_selector's outgoing_port, I=). */
        public Connection at(Endpoints value) {
            return new Connection(hostName, ip, tls, authenticator, chunking, confirmation, value, pipelining, continued);
        }

        /** This connection with the final reply of a delivered message (C=). */
        public Connection confirmed(String value) {
            return new Connection(hostName, ip, tls, authenticator, chunking, value, endpoints, pipelining, continued);
        }

        /** This connection, its MAIL and RCPT commands pipelined (log_selector's pipelining, L). */
        public Connection pipelined(boolean value) {
            return new Connection(hostName, ip, tls, authenticator, chunking, confirmation, endpoints, value, continued);
        }

        /** This connection as carrying a second or later message (Exim's "*" after the host). */
        public Connection continued(boolean value) {
            return new Connection(hostName, ip, tls, authenticator, chunking, confirmation, endpoints, pipelining, value);
        }

        /** "name [ip]" with the TLS fields, as the H= of Exim's lines shows them. */
        public String hostField() {
            return hostName + " [" + ip + "]" + (tls == null ? "" : " " + tls);
        }

        /** The fields of a delivery line after H=: X=/CV=, A=, K (without C=, which the log adds). */
        public String deliveredFields() {
            return hostField() + (authenticator == null ? "" : " A=" + authenticator) + (chunking ? " K" : "");
        }

    }

    /** The remote port, and the local address and port the connection went out from (0 and null: unknown). */
    public record Endpoints(int remotePort, String localIp, int localPort) {
        public static final Endpoints UNKNOWN = new Endpoints(0, null, 0);
    }

    /** The error a bounce shows for a pipe command that ran and failed (the details go only to the log). */
    public static final String LOCAL_FAILURE = "local delivery failed";

    /** The three outcomes of a delivery attempt. */
    public enum Kind { OK, DEFER, FAIL }

    public static final DeliveryResult OK = new DeliveryResult(Kind.OK, null, null, null, null, -1, null, false, false, -1, null);

    public static DeliveryResult defer(String message) {
        return new DeliveryResult(Kind.DEFER, message, null, null, null, -1, null, false, false, -1, null);
    }

    /** A deferral that is a configuration or security error: the == line goes to the panic log too. */
    public static DeliveryResult panic(String message) {
        return panic(message, "");
    }

    /** A panic deferral whose cause the log states on a line of its own first ({@code note}). */
    public static DeliveryResult panic(String message, String note) {
        return new DeliveryResult(Kind.DEFER, message, null, null, null, -1, null, false, false, -1, note);
    }

    /** Whether the == line goes to the panic log too. */
    public boolean panic() {
        return panicNote != null;
    }

    public static DeliveryResult fail(String message) {
        return new DeliveryResult(Kind.FAIL, message, null, null, null, -1, null, false, false, -1, null);
    }

    /** Delivered over {@code connection}. */
    public static DeliveryResult ok(Connection connection) {
        return new DeliveryResult(Kind.OK, null, null, null, null, -1, connection, false, false, -1, null);
    }

    /** This result with the text a command wrote (return_output, return_fail_output). */
    public DeliveryResult withOutput(String text) {
        return new DeliveryResult(kind, message, text, userMessage, remote, errno, connection, additional, freeze, size, panicNote);
    }

    /** This result with the remote host's reply that caused it. */
    public DeliveryResult withRemote(String host, String reply) {
        return new DeliveryResult(kind, message, output, userMessage, new RemoteReply(host, reply), errno, connection, additional, freeze, size, panicNote);
    }

    /** This result with the error text a bounce shows. */
    public DeliveryResult withUserMessage(String text) {
        return new DeliveryResult(kind, message, output, text, remote, errno, connection, additional, freeze, size, panicNote);
    }

    /** This deferral, with the message frozen too (the log's "Frozen" line follows the == line). */
    public DeliveryResult frozen() {
        return new DeliveryResult(kind, message, output, userMessage, remote, errno, connection, additional, true, size, panicNote);
    }

    /** This result with Exim's error number (ERRNO_* of exim.h, or a system errno). */
    public DeliveryResult withErrno(int value) {
        return new DeliveryResult(kind, message, output, userMessage, remote, value, connection, additional, freeze, size, panicNote);
    }

    /**
     * This result for a further address of the same delivery (a batch, one SMTP transaction),
     * which Exim logs with {@code ->} instead of {@code =>}.
     */
    public DeliveryResult asAdditional() {
        return new DeliveryResult(kind, message, output, userMessage, remote, errno, connection, true, freeze, size, panicNote);
    }

    /** This result with the bytes the transport wrote (S= on the delivery line). */
    public DeliveryResult withSize(long value) {
        return new DeliveryResult(kind, message, output, userMessage, remote, errno, connection, additional, freeze, value, panicNote);
    }

    public DeliveryResult withConnection(Connection value) {
        return new DeliveryResult(kind, message, output, userMessage, remote, errno, value, additional, freeze, size, panicNote);
    }
}
