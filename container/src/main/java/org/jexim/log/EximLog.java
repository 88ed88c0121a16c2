package org.jexim.log;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.jexim.queue.HeaderLine;

/**
 * Writes Exim's main, reject and panic log lines, and the per-message logs in
 * {@code spool_directory/msglog/}. The lines go to the log4j2 loggers {@code exim.main},
 * {@code exim.reject} and {@code exim.panic}, whose appenders {@link EximLogs#install} sets up;
 * code outside this module may log finished lines (without the timestamp) to those loggers too.
 */
public final class EximLog {
    public static final String MAIN = "exim.main";
    public static final String REJECT = "exim.reject";
    public static final String PANIC = "exim.panic";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static volatile EximLog current = new EximLog(LogSelector.defaults(), Optional.empty(), new Log4jSink());

    private final LogSelector selector;
    private final Optional<Path> msglogDirectory;
    private final LogSink sink;
    private final MessageFacts.Source facts;

    /**
     * @param msglogDirectory {@code spool_directory/msglog}, or empty to write no per-message logs
     */
    public EximLog(LogSelector selector, Optional<Path> msglogDirectory, LogSink sink) {
        this(selector, msglogDirectory, sink, MessageFacts.Source.NONE);
    }

    /**
     * @param facts the sender and arrival time of a message, for the F=, P= and QT= items of
     *              delivery lines (log_selector's sender_on_delivery, return_path_on_delivery, queue_time)
     */
    public EximLog(LogSelector selector, Optional<Path> msglogDirectory, LogSink sink, MessageFacts.Source facts) {
        this.selector = selector;
        this.msglogDirectory = msglogDirectory;
        this.sink = sink;
        this.facts = facts;
    }

    /** The log set up by the last {@link EximLogs#install}; before that, lines reach log4j2 unrouted. */
    public static EximLog main() {
        return current;
    }

    /** Sends every line to {@code sink} from now on (-bh writes them to stderr as "LOG: ..."). */
    public static void divert(LogSink sink) {
        setCurrent(new EximLog(LogSelector.defaults(), Optional.empty(), sink));
    }

    /** Keeps the current log's destinations with the configure's log_selector (-bh and -bs log as Exim would). */
    public static void select(LogSelector selector) {
        EximLog log = current;
        setCurrent(new EximLog(selector, log.msglogDirectory, log.sink, log.facts));
    }

    /**
     * -bh only: from now on every line starts with {@code id}, as Exim's do there once a message has an
     * id (a test session never clears it); null goes back to plain lines.
     */
    /** The id the current log puts in front of its lines, null when none ({@link #prefixWith}). */
    public static String prefix() {
        return current.sink instanceof IdPrefixSink p ? p.id() : null;
    }

    public static void prefixWith(String id) {
        EximLog log = current;
        LogSink base = log.sink instanceof IdPrefixSink p ? p.base() : log.sink;
        setCurrent(new EximLog(log.selector, log.msglogDirectory, id == null ? base : new IdPrefixSink(base, id), log.facts));
    }

    /** Lines with the message id put in front, unless they start with it already. */
    private record IdPrefixSink(LogSink base, String id) implements LogSink {
        private String prefixed(String line) {
            return line.startsWith(id + " ") ? line : id + " " + line;
        }

        @Override
        public void main(String line) {
            base.main(prefixed(line));
        }

        @Override
        public void mainCopy(String line) {
            base.mainCopy(prefixed(line));
        }

        @Override
        public void reject(String line) {
            base.reject(prefixed(line));
        }

        @Override
        public void panic(String line) {
            base.panic(line);
        }
    }

    static void setCurrent(EximLog log) {
        current = log;
    }

    public LogSelector selector() {
        return selector;
    }

    /** {@code <=}: a message was received and is on the spool. */
    public void received(Arrival a) {
        main(a.id() + " " + a.format(selector));
        messageLog(a.id(), "Received from " + a.fields(selector));
    }

    /**
     * {@code (=}: a message an ACL's control = fakereject answered with 550 while keeping it, as
     * Exim marks it instead of {@code <=}.
     */
    public void receivedFakeRejected(Arrival a) {
        main(a.id() + " (= " + a.fields(selector));
        messageLog(a.id(), "Received from " + a.fields(selector));
    }

    /** {@code =>}: the first (or only) address of a successful delivery. */
    public void delivered(Delivery d) {
        deliveryLine("=>", d);
    }

    /** {@code ->}: a further address delivered in the same transaction. */
    public void alsoDelivered(Delivery d) {
        deliveryLine("->", d);
    }

    /** {@code *>}: a delivery suppressed by -N. */
    public void fakeDelivered(Delivery d) {
        deliveryLine("*>", d);
    }

    private void deliveryLine(String flag, Delivery d) {
        boolean wanted = selector.has("sender_on_delivery") || selector.has("return_path_on_delivery")
            || selector.has("queue_time");
        Optional<MessageFacts> message = wanted ? facts.of(d.id()) : Optional.empty();
        String sender = message.map(m -> m.sender()).orElse("");
        main(d.id() + " " + flag + " " + d.deliveredAddress()
            + (selector.has("sender_on_delivery") && message.isPresent() ? " F=<" + sender + ">" : "")
            + (selector.has("return_path_on_delivery") && message.isPresent() ? " P=<" + sender + ">" : "")
            + d.routerTransportAndSize(selector) + d.hostAndConfirmation(selector)
            + (selector.has("queue_time") && message.isPresent()
                ? " QT=" + MessageFacts.timeSince(message.get().received(), java.time.Instant.now(), selector.has("millisec"))
                : "")
            + d.deliverTime(selector));
        String succeeded = d.transport().map(t -> t + " transport succeeded").orElse("succeeded");
        messageLog(d.id(), d.address() + d.original().filter(o -> !o.equalsIgnoreCase(d.address()))
            .map(o -> " <" + o + ">").orElse("") + ": " + succeeded);
    }

    /** Exim's ERRNO_RRETRY: an address not routed because its retry time has not come. */
    private static final int ROUTING_RETRY = -52;

    /** {@code ==}: delivery deferred; {@code errno} is Exim's error number (-1 when there is none). */
    public void deferred(Delivery d, int errno, String message) {
        deferred(d, errno, message, false);
    }

    /** {@code ==}, also written to the panic log when {@code panic} (a transport's PANIC return). */
    public void deferred(Delivery d, int errno, String message, boolean panic) {
        // Exim puts the host after the error number: "defer (-44) H=host [ip]: message"
        // with no router or transport, Exim names the stage: "routing defer (-52)" (ERRNO_RRETRY)
        String driver = d.routerAndTransport().isEmpty() && errno == ROUTING_RETRY ? " routing" : d.routerAndTransport();
        String text = d.problemAddress() + driver + " defer (" + errno + ")"
            + d.host().map(h -> " H=" + h).orElse("") + d.deliverTime(selector) + ": " + LogText.printable(message);
        if (panic) {
            panic(d.id() + " == " + text);
        } else {
            main(d.id() + " == " + text);
        }
        messageLog(d.id(), text);
    }

    /** {@code **}: delivery failed for good; the address will be bounced. */
    public void failed(Delivery d, String message) {
        String text = d.problemAddress() + d.routerAndTransport() + d.host().map(h -> " H=" + h).orElse("")
            + ": " + LogText.printable(message) + d.deliverTime(selector);
        main(d.id() + " ** " + text);
        messageLog(d.id(), text);
    }

    /**
     * The message is done and about to leave the spool; with queue_time_overall, {@code QT=} the
     * time since its arrival, which its id records.
     */
    public void completed(String id) {
        boolean timed = selector.has("queue_time_overall") && org.jexim.queue.EximMessageId.isValid(id);
        main(id + " Completed" + (timed ? " QT=" + MessageFacts.timeSince(org.jexim.queue.EximMessageId.arrival(id),
            java.time.Instant.now(), selector.has("millisec")) : ""));
    }

    public void frozen(String id, String reason) {
        main(id + " Frozen" + (reason == null || reason.isEmpty() ? "" : " (" + reason + ")"));
        messageLog(id, "Frozen" + (reason == null || reason.isEmpty() ? "" : " (" + reason + ")"));
    }

    /** {@code H=... rejected RCPT <rcpt>: message}, to the main and reject logs. */
    public void rejectedRcpt(SmtpPeer peer, String sender, String recipient, String message) {
        rejected(peer, Optional.of(sender), "RCPT <" + recipient + ">", message);
    }

    /** {@code H=... rejected MAIL <sender>: message}. */
    public void rejectedMail(SmtpPeer peer, String sender, String message) {
        rejected(peer, Optional.empty(), "MAIL <" + sender + ">", message);
    }

    /** {@code H=... rejected connection in "connect" ACL: message}. */
    public void rejectedConnection(SmtpPeer peer, String message) {
        rejected(peer, Optional.empty(), "connection in \"connect\" ACL", message);
    }

    /** {@code H=... [F=<sender>] rejected WHAT: message}, for any other SMTP rejection. */
    public void rejected(SmtpPeer peer, Optional<String> sender, String what, String message) {
        rejected(peer, sender, what, message, false);
    }

    /** As {@link #rejected(SmtpPeer, Optional, String, String)}; a 4xx refusal is "temporarily rejected". */
    public void rejected(SmtpPeer peer, Optional<String> sender, String what, String message, boolean temporary) {
        String line = peerFields(peer) + sender.map(s -> " F=<" + s + ">").orElse("")
            + (temporary ? " temporarily rejected " : " rejected ") + what
            + (message == null || message.isEmpty() ? "" : ": " + LogText.printable(message));
        sink.mainCopy(line);
        reject(line);
    }

    /**
     * {@code ID H=... F=<sender> rejected after DATA: message}; the reject log also gets the
     * envelope and the headers, each with Exim's flag letter, as Exim writes them there.
     */
    public void rejectedAfterData(String id, SmtpPeer peer, String sender, List<String> recipients,
                                  List<String> headers, String message) {
        String line = id + " " + peerFields(peer) + " F=<" + sender + "> rejected after DATA"
            + (message == null || message.isEmpty() ? "" : ": " + LogText.printable(message));
        sink.mainCopy(line);
        StringBuilder block = new StringBuilder(line);
        if (selector.has("rejected_header")) {
            block.append("\nEnvelope-from: <").append(sender).append('>');
            for (String r : recipients) {
                block.append("\nEnvelope-to: <").append(r).append('>');
            }
            for (String h : headers) {
                String name = h.substring(0, Math.max(0, h.indexOf(':')));
                block.append('\n').append(HeaderLine.flagFor(name.trim())).append(' ').append(h.replace("\r\n", "\n").stripTrailing());
            }
        }
        reject(block.toString());
    }

    /** Exim's host_and_ident(TRUE): {@code H=... [U=...]}. */
    String peerFields(SmtpPeer peer) {
        return peer.hostField(selector.has("incoming_port")) + peer.ident().map(u -> " U=" + u).orElse("");
    }

    /** A main log line as given (it starts with the message id when there is one). */
    public void main(String line) {
        sink.main(line);
    }

    public void reject(String line) {
        sink.reject(line);
    }

    /**
     * A line for both the main and the reject log ({@code rejectText} may add detail lines); the
     * main log's copy is left out of syslog when syslog_duplication is false, as Exim does.
     */
    public void mainAndReject(String line, String rejectText) {
        sink.mainCopy(line);
        sink.reject(rejectText);
    }

    /** A panic: written to the panic log and to the main log, as Exim does. */
    public void panic(String line) {
        sink.panic(line);
        sink.mainCopy(line);
    }

    /** Appends a timestamped line to {@code msglog/ID}, which the spool removes with the message. */
    public void messageLog(String id, String text) {
        msglogDirectory.ifPresent(dir -> {
            try {
                Files.createDirectories(dir);
                Files.writeString(dir.resolve(id), STAMP.format(LocalDateTime.now()) + " " + text + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            } catch (IOException e) {
                panic(id + " failed to write message log: " + e.getMessage());
            }
        });
    }
}
