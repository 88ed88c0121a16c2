package org.jexim.transport;

/**
 * What a transport did with an address: delivered, deferred (retry later) or failed (bounce),
 * with the error for the log, any output the command produced that the bounce returns, and the
 * error as the bounce shows it when that differs from the log's (null: the same).
 */
public record DeliveryResult(Kind kind, String message, String output, String userMessage, RemoteReply remote) {
    /** The host that refused an address and its reply, for the DSN's Remote-MTA and Diagnostic-Code. */
    public record RemoteReply(String host, String reply) {
    }

    /** The three outcomes of a delivery attempt. */
    public enum Kind { OK, DEFER, FAIL }

    public static final DeliveryResult OK = new DeliveryResult(Kind.OK, null, null, null, null);

    public static DeliveryResult defer(String message) {
        return new DeliveryResult(Kind.DEFER, message, null, null, null);
    }

    public static DeliveryResult fail(String message) {
        return new DeliveryResult(Kind.FAIL, message, null, null, null);
    }

    /** This result with the text a command wrote (return_output, return_fail_output). */
    public DeliveryResult withOutput(String text) {
        return new DeliveryResult(kind, message, text, userMessage, remote);
    }

    /** This result with the remote host's reply that caused it. */
    public DeliveryResult withRemote(String host, String reply) {
        return new DeliveryResult(kind, message, output, userMessage, new RemoteReply(host, reply));
    }

    /** This result with the error text a bounce shows. */
    public DeliveryResult withUserMessage(String text) {
        return new DeliveryResult(kind, message, output, text, remote);
    }
}
