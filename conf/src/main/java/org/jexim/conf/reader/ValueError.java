package org.jexim.conf.reader;

/** A bad option value; the message is Exim's reason text, without the line. */
final class ValueError extends Exception {
    ValueError(String message) {
        super(message);
    }
}
