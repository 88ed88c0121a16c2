package org.jexim.retry;

/**
 * Exim's keys for address retry records (deliver.c, transport.c): a routing deferral is kept
 * under the domain, or the whole address when the router uses the local part; a local
 * transport's under {@code T:} and the address; a remote host's RCPT 4xx under the address
 * with the sender appended (address_retry_include_sender).
 */
public final class RetryKeys {
    private RetryKeys() {
    }

    /** {@code R:domain}. */
    public static String routingDomain(String domain) {
        return "R:" + domain;
    }

    /** {@code R:local@domain}. */
    public static String routingAddress(String address) {
        return "R:" + address;
    }

    /** {@code R:local@domain:<sender>}: a RCPT deferral with address_retry_include_sender. */
    public static String addressWithSender(String address, String sender) {
        return "R:" + address + ":<" + sender + ">";
    }

    /** {@code T:local@domain}: a local transport's deferral. */
    public static String localTransport(String address) {
        return "T:" + address;
    }
}
