package org.jexim.scan;

import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.jexim.acl.AclCondition;
import org.jexim.acl.AclEngine;
import org.jexim.acl.AclMessage;
import org.jexim.acl.AclOutcome;
import org.jexim.acl.AclServices;
import org.jexim.acl.AclSubject;
import org.jexim.conf.model.AclItem;

/**
 * The content-scanning ACL conditions {@code spam} and {@code malware} over the received
 * message: the message as Exim's spool_mbox hands it to the scanners, scanned once per message
 * (per spamd user, per av_scanner), the {@code $spam_*} and {@code $malware_name} variables
 * set on the subject; a scanner failure defers (4xx) unless {@code /defer_ok}, with the reason
 * in the log line.
 */
public final class ScanAclConditions {
    private final AclServices services;
    private final ScanConditions conditions;
    private final Map<AclMessage, ScannedMessage> scanned = new WeakHashMap<>();

    public ScanAclConditions(AclServices services) {
        this(services, new ScanConditions());
    }

    ScanAclConditions(AclServices services, ScanConditions conditions) {
        this.services = services;
        this.conditions = conditions;
    }

    /** {@code spam = USER[:true][/defer_ok]}. */
    public AclCondition spam() {
        return (value, item, subject) -> run(subject, "spamd_address",
                (message, option) -> conditions.spam(value, option, message));
    }

    /** {@code malware = RE[/defer_ok][/tmo=T]}. */
    public AclCondition malware() {
        return (value, item, subject) -> run(subject, "av_scanner",
                (message, option) -> conditions.malware(value, option, message));
    }

    private interface Scan {
        ScanOutcome apply(ScannedMessage message, String option);
    }

    private AclOutcome run(AclSubject subject, String optionName, Scan scan) throws Exception {
        AclMessage received = subject.message().orElse(null);
        if (received == null) {
            return AclOutcome.error(optionName.equals("av_scanner") ? "malware acl condition: no message"
                    : "spam acl condition: no message");
        }
        String option = services.option(optionName).orElse(null);
        if (option != null) {
            option = AclEngine.expand(option, subject);
        }
        ScannedMessage message = message(received, subject);
        ScanOutcome rc = scan.apply(message, option);
        message.variables().forEach(subject::set);
        return switch (rc) {
            case OK -> AclOutcome.TRUE;
            case FAIL -> AclOutcome.FALSE;
            case DEFER -> AclOutcome.defer(message.lastError().orElse(null));
        };
    }

    private ScannedMessage message(AclMessage received, AclSubject subject) throws java.io.IOException {
        synchronized (scanned) {
            ScannedMessage m = scanned.get(received);
            if (m == null) {
                String recipients = subject.variable("recipients").orElse("");
                List<String> list = recipients.isEmpty() ? List.of() : Arrays.asList(recipients.split(", "));
                m = ScannedMessage.spooled(subject.sender(), list, received.bytes(), ZonedDateTime.now())
                        .withEnvelope(new ScanEnvelope(subject.variable("message_id").orElse(""),
                                subject.sender() == null ? "" : subject.sender(), list,
                                subject.variable("sender_helo_name").orElse(""),
                                subject.variable("sender_host_name").orElse(""),
                                subject.clientIp() == null ? "" : subject.clientIp(),
                                subject.variable("authenticated_id").orElse("")));
                scanned.put(received, m);
            }
            return m;
        }
    }
}
