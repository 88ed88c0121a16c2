package org.jexim.smtp;

import java.time.Instant;
import java.util.Optional;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.jexim.acl.AclEffects;
import org.jexim.log.Arrival;
import org.jexim.log.EximLog;
import org.jexim.queue.QueueOnly;
import org.jexim.queue.SpoolAttributes;

/**
 * What the ACL controls of a message do once it is received, as receive.c does: {@code freeze}
 * spools it frozen ("frozen by ACL"), {@code queue}/{@code queue_only} keeps it for a queue
 * run ("no immediate delivery: queued by ACL"), {@code fakereject}/{@code fakedefer} keep it but
 * answer 550/450 with the control's text, a fakereject arrival being logged {@code (=}; a message
 * whose recipients were all discarded is logged "=> blackhole (... discarded recipients)". The
 * server's spool hook and -bh both ask here.
 */
final class ArrivalControls {
    private final boolean freeze;
    private final boolean queue;
    private final Optional<String> fakeReject;
    private final Optional<String> fakeDefer;
    private final boolean noMultiline;
    private final String blackhole;

    /** The controls in force now for the session's message (the session forgets them once it is accepted). */
    ArrivalControls(SessionState session) {
        this(session.effects(), session.blackhole());
    }

    /** {@code blackhole}: why no recipient is left (the "=> blackhole" line's text), or null. */
    ArrivalControls(AclEffects effects, String blackhole) {
        this.blackhole = blackhole;
        this.freeze = effects.has("freeze");
        this.queue = effects.has("queue");
        this.fakeReject = effects.control("fakereject");
        this.fakeDefer = effects.control("fakedefer");
        this.noMultiline = effects.has("no_multiline_responses");
    }

    /** Marks the mail for the spool: frozen (-frozen TIME in its -H file) or held for a queue run. */
    void mark(Mail mail) {
        if (freeze) {
            mail.setAttribute(SpoolAttributes.option("frozen", Long.toString(Instant.now().getEpochSecond())));
        }
        if (queue) {
            mail.setAttribute(new Attribute(QueueOnly.QUEUE_ONLY, AttributeValue.of(true)));
        }
    }

    /** The arrival line, then the lines of freeze and queue, with the message id. */
    void log(Arrival arrival) {
        EximLog log = EximLog.main();
        if (fakeReject.isPresent()) {
            log.receivedFakeRejected(arrival);
        } else {
            log.received(arrival);
        }
        if (freeze) {
            log.main(arrival.id() + " frozen by ACL");
        }
        if (queue) {
            log.main(arrival.id() + " no immediate delivery: queued by ACL");
        }
        if (blackhole != null) {
            log.main(arrival.id() + " => blackhole " + blackhole);
            log.main(arrival.id() + " Completed");
        }
    }

    /** control = freeze is in force. */
    boolean freezes() {
        return freeze;
    }

    /** control = queue is in force. */
    boolean queues() {
        return queue;
    }

    /** Whether an ACL discarded every recipient: the message is accepted and goes nowhere. */
    boolean blackholed() {
        return blackhole != null;
    }

    /** The reply of fakereject (550) or fakedefer (450) in place of "250 OK id=...", if one was set. */
    Optional<SmtpReply> fakeReply() {
        boolean reject = fakeReject.isPresent();
        if (!reject && fakeDefer.isEmpty()) {
            return Optional.empty();
        }
        String text = reject ? fakeReject.get() : fakeDefer.get();
        // sent as given (no code of its own), long lines split as Exim's string_split_message does
        return Optional.of(SmtpReply.of(reject ? "550" : "450", SmtpResponse.lines("",
                org.jexim.acl.SplitMessage.split(text), noMultiline)));
    }
}
