package org.jexim.queue;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.mail.MessagingException;
import javax.mail.internet.AddressException;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.queue.api.MailQueueName;
import org.apache.james.server.core.MailImpl;
import org.apache.james.server.core.MimeMessageSource;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.PerRecipientHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Maps a James {@link Mail} to the -H file of its spool entry and back. Exim's own lines carry the
 * envelope; James's extra state (queue, name, processor, attributes) travels in {@code -jexim_*}
 * lines, which Exim's spool reader skips.
 */
final class SpoolMailCodec {
    private static final Logger LOGGER = LoggerFactory.getLogger(SpoolMailCodec.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Options the writer computes itself, never copied from attributes. */
    private static final Set<String> COMPUTED = Set.of("received_time_usec", "received_time_complete", "body_linecount",
        "body_zerocount", "deliver_firsttime", "spool_file_wireformat", "tls_resumption");
    static final String QUEUE = "jexim_queue";
    static final String NAME = "jexim_name";
    static final String STATE = "jexim_state";
    static final String DELIVER_AT = "jexim_deliver_at";
    static final String LAST_UPDATED = "jexim_last_updated";
    static final String REMOTE_ADDR = "jexim_remote_addr";
    static final String REMOTE_HOST = "jexim_remote_host";
    static final String ERROR = "jexim_error";
    static final String ATTRIBUTE = "jexim_attribute";
    static final String RECIPIENT_HEADER = "jexim_recipient_header";
    static final String BODY_NEWLINES = "jexim_body_newlines";
    /** The message waits for a queue run (queue_only, -odq) before its first delivery. */
    static final String HELD = "jexim_held";
    /** Written by -Mg and timeout_frozen_after (org.jexim.queuetools.Cancellation). */
    static final String CANCEL = "jexim_cancel";

    private final SpoolOwner owner;

    SpoolMailCodec(SpoolOwner owner) {
        this.owner = owner;
    }

    /** The envelope and status of the given mail, as its -H file says them. */
    SpoolHeader toHeader(Mail mail, String id, MailQueueName queue, Optional<Instant> deliverAt,
                         List<HeaderLine> headers, BodyStats body, boolean firstTime) {
        return toHeader(mail, id, queue, deliverAt, headers, body, firstTime,
            mail.getRecipients().stream().map(MailAddress::asString).toList(), List.of());
    }

    /**
     * @param recipients every recipient the -H file lists, delivered or not
     * @param done those of them already delivered or failed (Exim's non-recipients tree)
     */
    SpoolHeader toHeader(Mail mail, String id, MailQueueName queue, Optional<Instant> deliverAt,
                         List<HeaderLine> headers, BodyStats body, boolean firstTime,
                         List<String> recipients, List<String> done) {
        long receivedMicros = mail.getAttribute(SpoolAttributes.RECEIVED_TIME)
            .flatMap(a -> a.getValue().valueAs(Long.class))
            .orElseGet(() -> nowMicros());
        long completeMicros = mail.getAttribute(SpoolAttributes.RECEIVED_TIME_COMPLETE)
            .flatMap(a -> a.getValue().valueAs(Long.class)).orElse(receivedMicros);
        List<Attribute> attributes = mail.attributes()
            .sorted(Comparator.comparing(a -> a.getName().asString())).toList();
        // Exim's lines in the order spool_write_header writes them, then jexim's own
        List<SpoolOption> exim = new ArrayList<>();
        exim.add(SpoolOption.of("received_time_usec", String.format(".%06d", receivedMicros % 1_000_000)));
        exim.add(SpoolOption.of("received_time_complete",
            String.format("%d.%06d", completeMicros / 1_000_000, completeMicros % 1_000_000)));
        for (Attribute a : attributes) {
            eximOption(a, mail).ifPresent(exim::add);
        }
        exim.add(SpoolOption.of("body_linecount", Long.toString(body.lineCount())));
        if (firstTime) {
            exim.add(SpoolOption.flag("deliver_firsttime"));
        }
        exim.add(SpoolOption.of("tls_resumption", mail.getAttribute(AttributeName.of(SpoolAttributes.OPTION_PREFIX
            + "tls_resumption")).flatMap(a -> a.getValue().valueAs(String.class)).orElse("A")));
        exim.sort(Comparator.comparingInt(o -> OptionOrder.rank(o.name())));
        List<SpoolOption> options = new ArrayList<>(exim);
        options.add(SpoolOption.of(QUEUE, queue.asString()));
        if (!mail.getName().equals(id)) {
            options.add(SpoolOption.of(NAME, oneLine(mail.getName())));
        }
        options.add(SpoolOption.of(STATE, oneLine(mail.getState())));
        deliverAt.ifPresent(t -> options.add(SpoolOption.of(DELIVER_AT, Long.toString(t.toEpochMilli()))));
        Optional.ofNullable(mail.getLastUpdated())
            .ifPresent(d -> options.add(SpoolOption.of(LAST_UPDATED, Long.toString(d.getTime()))));
        Optional.ofNullable(mail.getRemoteAddr()).ifPresent(v -> options.add(SpoolOption.of(REMOTE_ADDR, oneLine(v))));
        Optional.ofNullable(mail.getRemoteHost()).ifPresent(v -> options.add(SpoolOption.of(REMOTE_HOST, oneLine(v))));
        Optional.ofNullable(mail.getErrorMessage()).ifPresent(v -> options.add(SpoolOption.of(ERROR, json(v))));
        options.add(SpoolOption.of(BODY_NEWLINES, Long.toString(body.newlines())));
        for (Attribute a : attributes) {
            jamesAttribute(a).ifPresent(options::add);
        }
        mail.getPerRecipientSpecificHeaders().getHeadersByRecipient().entries().forEach(e -> {
            ObjectNode node = JSON.createObjectNode();
            node.put("recipient", e.getKey().asString());
            node.put("name", e.getValue().getName());
            node.put("value", e.getValue().getValue());
            options.add(SpoolOption.of(RECIPIENT_HEADER, node.toString()));
        });
        String[] who = mail.getAttribute(SpoolAttributes.OWNER)
            .flatMap(a -> a.getValue().valueAs(String.class)).map(s -> s.split(" "))
            .filter(parts -> parts.length == 3)
            .orElse(new String[] {owner.login(), Long.toString(owner.uid()), Long.toString(owner.gid())});
        int warnings = mail.getAttribute(SpoolAttributes.WARNING_COUNT)
            .flatMap(a -> a.getValue().valueAs(Integer.class)).orElse(0);
        return new SpoolHeader(id, who[0], Long.parseLong(who[1]), Long.parseLong(who[2]),
            mail.getMaybeSender().asOptional().map(MailAddress::asString).orElse(""),
            receivedMicros / 1_000_000, warnings, options, done, recipients, headers,
            SpoolDsn.recipientData(mail, recipients));
    }

    private static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
    }

    private Optional<SpoolOption> eximOption(Attribute a, Mail mail) {
        String name = a.getName().asString();
        Object value = a.getValue().value();
        if (name.startsWith(SpoolAttributes.OPTION_PREFIX)) {
            String option = name.substring(SpoolAttributes.OPTION_PREFIX.length());
            if (COMPUTED.contains(option) || option.startsWith("jexim_") || option.isEmpty()) {
                return Optional.empty();
            }
            if (Boolean.TRUE.equals(value)) {
                return Optional.of(SpoolOption.flag(option));
            }
            if (value instanceof String s) {
                boolean tainted = mail.getAttribute(AttributeName.of(SpoolAttributes.TAINT_PREFIX + option)).isPresent();
                return Optional.of(new SpoolOption(option, oneLine(s), null, tainted));
            }
            return Optional.empty();
        }
        if (name.startsWith(SpoolAttributes.ACL_PREFIX) && value instanceof String s) {
            String variable = name.substring(SpoolAttributes.ACL_PREFIX.length());
            if (variable.startsWith("acl_c") || variable.startsWith("acl_m")) {
                String kind = variable.substring(0, 5).replace("_", "");
                int length = s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
                return Optional.of(new SpoolOption(kind, variable.substring(5) + " " + length, s));
            }
        }
        return Optional.empty();
    }

    private Optional<SpoolOption> jamesAttribute(Attribute a) {
        String name = a.getName().asString();
        if (name.startsWith("exim.")) {
            return Optional.empty();
        }
        try {
            Optional<JsonNode> value = a.getValue().toJson();
            if (value.isEmpty()) {
                LOGGER.warn("attribute {} cannot be serialized; it is not kept on the spool", name);
                return Optional.empty();
            }
            ObjectNode node = JSON.createObjectNode();
            node.put("name", name);
            node.set("value", value.get());
            return Optional.of(SpoolOption.of(ATTRIBUTE, node.toString()));
        } catch (RuntimeException e) {
            LOGGER.warn("attribute {} cannot be serialized; it is not kept on the spool", name, e);
            return Optional.empty();
        }
    }

    /** The James mail a -H file describes, its message streamed from the given source. */
    MailImpl toMail(SpoolHeader h, List<String> journal, MimeMessageSource message) throws MessagingException {
        List<MailAddress> recipients = new ArrayList<>();
        for (String r : h.recipients()) {
            if (h.nonRecipients().contains(r) || journal.contains(r)) {
                continue;
            }
            try {
                recipients.add(new MailAddress(r));
            } catch (AddressException e) {
                LOGGER.warn("message {}: recipient {} is not a valid address and is skipped", h.id(), r);
            }
        }
        List<Attribute> attributes = new ArrayList<>();
        attributes.add(new Attribute(SpoolAttributes.MESSAGE_ID, AttributeValue.of(h.id())));
        attributes.add(new Attribute(SpoolAttributes.FIRST_DELIVERY, AttributeValue.of(h.hasFlag("deliver_firsttime"))));
        long usec = h.option("received_time_usec").map(v -> v.replace(".", ""))
            .map(Long::parseLong).orElse(0L);
        attributes.add(new Attribute(SpoolAttributes.RECEIVED_TIME,
            AttributeValue.of(h.receivedSeconds() * 1_000_000 + usec)));
        if (h.warningCount() > 0) {
            attributes.add(new Attribute(SpoolAttributes.WARNING_COUNT, AttributeValue.of(h.warningCount())));
        }
        attributes.add(new Attribute(SpoolAttributes.OWNER,
            AttributeValue.of(h.login() + " " + h.uid() + " " + h.gid())));
        PerRecipientHeaders perRecipient = new PerRecipientHeaders();
        MailImpl.Builder builder = MailImpl.builder().name(h.option(NAME).orElse(h.id()));
        for (SpoolOption o : h.options()) {
            readOption(h.id(), o, attributes, perRecipient, builder);
        }
        builder.sender(h.sender().isEmpty() ? MaybeSender.nullSender() : MaybeSender.getMailSender(h.sender()))
            .addRecipients(recipients)
            .addAttributes(attributes)
            .addAllHeadersForRecipients(perRecipient);
        MailImpl mail = builder.build();
        MessageDsn dsn = SpoolDsn.read(h);
        if (mail.dsnParameters().isEmpty()) {
            dsn.parameters().ifPresent(mail::setDsnParameters); // a spool exim4 wrote
        }
        if (!dsn.orcpts().isEmpty()) {
            mail.setAttribute(org.jexim.mailets.OriginalRecipients.attribute(dsn.orcpts()));
        }
        mail.setMessageContent(message);
        return mail;
    }

    private void readOption(String id, SpoolOption o, List<Attribute> attributes, PerRecipientHeaders perRecipient,
                            MailImpl.Builder builder) {
        try {
            switch (o.name()) {
                case STATE -> builder.state(o.value());
                case CANCEL -> attributes.add(new Attribute(SpoolAttributes.CANCEL, AttributeValue.of(o.value())));
                case LAST_UPDATED -> builder.lastUpdated(new Date(Long.parseLong(o.value())));
                case REMOTE_ADDR -> builder.remoteAddr(o.value());
                case REMOTE_HOST -> builder.remoteHost(o.value());
                case ERROR -> builder.errorMessage(JSON.readTree(o.value()).asText());
                case ATTRIBUTE -> {
                    JsonNode node = JSON.readTree(o.value());
                    attributes.add(new Attribute(AttributeName.of(node.get("name").asText()),
                        AttributeValue.fromJson(node.get("value"))));
                }
                case RECIPIENT_HEADER -> {
                    JsonNode node = JSON.readTree(o.value());
                    perRecipient.addHeaderForRecipient(PerRecipientHeaders.Header.builder()
                        .name(node.get("name").asText()).value(node.get("value").asText()),
                        new MailAddress(node.get("recipient").asText()));
                }
                case "acl", "aclc", "aclm" -> {
                    String rest = o.value().substring(0, o.value().lastIndexOf(' '));
                    String variable = o.name().equals("acl") ? "acl" + rest : "acl_" + o.name().charAt(3) + rest;
                    attributes.add(SpoolAttributes.aclVariable(variable, o.data()));
                }
                case "received_time_complete" -> {
                    String[] parts = o.value().split("\\.");
                    attributes.add(new Attribute(SpoolAttributes.RECEIVED_TIME_COMPLETE, AttributeValue.of(
                        Long.parseLong(parts[0]) * 1_000_000 + (parts.length > 1 ? Long.parseLong(parts[1]) : 0))));
                }
                case "tls_resumption" -> attributes.add(SpoolAttributes.option(o.name(), o.value()));
                default -> {
                    if (!o.name().startsWith("jexim_") && !COMPUTED.contains(o.name())) {
                        if (o.value() == null) {
                            attributes.add(SpoolAttributes.flag(o.name()));
                        } else if (o.tainted()) {
                            attributes.addAll(SpoolAttributes.taintedOption(o.name(), o.value()));
                        } else {
                            attributes.add(SpoolAttributes.option(o.name(), o.value()));
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException | AddressException e) {
            LOGGER.warn("message {}: spool line -{} cannot be read back and is ignored", id, o.name(), e);
        }
    }

    static MailQueueName queueOf(SpoolHeader h) {
        return MailQueueName.of(h.option(QUEUE).orElse("spool"));
    }

    static String nameOf(SpoolHeader h) {
        return h.option(NAME).orElse(h.id());
    }

    static Optional<Instant> deliverAtOf(SpoolHeader h) {
        return h.option(DELIVER_AT).map(v -> Instant.ofEpochMilli(Long.parseLong(v)));
    }

    static boolean heldOf(SpoolHeader h) {
        return h.hasFlag(HELD);
    }

    /** The header with the flag that keeps its message for a queue run. */
    static SpoolHeader held(SpoolHeader h) {
        List<SpoolOption> options = new ArrayList<>(h.options());
        options.add(SpoolOption.flag(HELD));
        return h.withOptions(options);
    }

    static long bodyNewlinesOf(SpoolHeader h) {
        return h.option(BODY_NEWLINES).map(Long::parseLong).orElse(-1L);
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\r', ' ');
    }

    private static String json(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Line and newline counts of a body as written to the -D file. */
    record BodyStats(long lineCount, long newlines) {
    }
}
