package org.jexim.queuetools;

/**
 * One recipient line of a -H file, kept as written, with its address found as spool_in.c finds
 * it: after the address Exim may append {@code orcpt len,dsn_flags errors_to len,pno#3} (or the
 * older {@code  pno} and {@code  x,pno,y} forms), read from the right.
 */
public record RecipientLine(String raw, String address) {

    /** A recipient added by hand (-Mar): no parent, no errors_to, no DSN data, so the bare address. */
    public static RecipientLine of(String address) {
        return new RecipientLine(address, address);
    }

    public static RecipientLine parse(String raw) {
        return new RecipientLine(raw, addressOf(raw));
    }

    static String addressOf(String line) {
        return org.jexim.queue.SpoolRecipient.addressOf(line);
    }
}
