package org.jexim.queuetools;

/** Where the queue tools record what they did to a message ("frozen by root" ...): Exim's mainlog. */
public interface QueueLog {
    /** One mainlog line about message {@code id}. */
    void write(String id, String text);

    /** A log that keeps nothing (tests, or no log file configured). */
    QueueLog NONE = (id, text) -> {
    };
}
