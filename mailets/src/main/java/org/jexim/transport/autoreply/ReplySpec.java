package org.jexim.transport.autoreply;

/**
 * One automatic reply, its strings expanded: the header fields, the body text and file, the
 * once database with its repeat time (seconds, 0: never again), the log file, and whether the
 * original message is returned. Built from a filter's mail/vacation command or from the
 * autoreply transport's own options.
 */
public record ReplySpec(String from, String replyTo, String to, String cc, String bcc, String subject, String headers,
                        String text, String file, boolean fileExpand, boolean fileOptional, String log, String once,
                        long onceRepeat, boolean returnMessage) {
}
