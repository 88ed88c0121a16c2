package org.jexim.cli;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jexim.conf.expand.ExpansionContext;
import org.jexim.conf.expand.HeaderKind;
import org.jexim.conf.expand.LayeredExpansionContext;
import org.jexim.filter.FilterMessage;
import org.jexim.queuetools.HeaderFile;
import org.jexim.queuetools.OptionLine;

/**
 * A message's variables ($message_size, $recipients, $sender_address, $received_protocol,
 * $acl_m_*, ...) and header variables ($h_subject:, $rh_, $bh_) over -be's own context: a
 * spooled message's for {@code -be -Mset ID}, read from its -H and -D files as Exim's
 * spool_read_header and deliver_set_expansions set them; a test message's for {@code -bem FILE}.
 */
final class MessageExpansionContext extends LayeredExpansionContext {
    private final Map<String, String> variables;
    private final FilterMessage message;

    private MessageExpansionContext(ExpansionContext base, FilterMessage message, Map<String, String> variables) {
        super(base);
        this.message = message;
        this.variables = variables;
    }

    /** -bem FILE: the message as read, with no recipients, submitted by the caller. */
    static MessageExpansionContext tested(ExpansionContext base, TestMessage m) {
        FilterMessage message = new FilterMessage(m.headers(), m.body(), m.sender(),
                m.returnPath() == null ? m.sender() : m.returnPath(), m.id(), m.headerSize());
        Map<String, String> variables = new HashMap<>();
        envelope(variables, m.id(), m.sender(), List.of());
        // Exim counts the lines it read, not the headers it added
        content(variables, message, m.headers(), m.headerLineCount(), message.bodyLineCount());
        variables.put("return_path", m.returnPath() == null ? "" : m.returnPath()); // -bf copies the sender, -bem does not
        variables.put("sender_ident", m.user());
        variables.put("authenticated_id", m.user());
        variables.put("received_protocol", "");
        return new MessageExpansionContext(base, message, variables);
    }

    /** -be -Mset ID: the spooled message. */
    static MessageExpansionContext spooled(ExpansionContext base, HeaderFile header, byte[] dataFile, Instant now) {
        String body = body(dataFile);
        List<String> headerLines = headerLines(header.headerBytes());
        long headerBytes = headerLines.stream().mapToLong(String::length).sum();
        FilterMessage message = new FilterMessage(headerLines, body, header.sender(), "", header.id(), headerBytes + 1);
        Map<String, String> variables = new HashMap<>();
        envelope(variables, header.id(), header.sender(), header.recipientAddresses());
        long headerNewlines = headerLines.stream().mapToLong(l -> l.chars().filter(c -> c == '\n').count()).sum();
        long bodyLines = option(header, "body_linecount").map(Long::parseLong).orElse(message.bodyLineCount());
        content(variables, message, headerLines, headerNewlines, bodyLines);
        variables.put("body_zerocount", option(header, "body_zerocount").orElse("0"));
        variables.put("max_received_linelength", option(header, "max_received_linelength").orElse("0"));
        variables.put("received_time", Long.toString(header.receivedSeconds()));
        variables.put("message_age", Long.toString(Math.max(0, now.getEpochSecond() - header.receivedSeconds())));
        variables.put("received_protocol", option(header, "received_protocol").orElse(""));
        variables.put("sender_ident", option(header, "ident").orElse(""));
        variables.put("authenticated_id", option(header, "auth_id").orElse(""));
        variables.put("authenticated_sender", option(header, "auth_sender").orElse(""));
        variables.put("sender_helo_name", option(header, "helo_name").orElse(""));
        variables.put("sender_host_name", option(header, "host_name").orElse(""));
        variables.put("sender_host_authenticated", option(header, "host_auth").orElse(""));
        hostAndPort(variables, option(header, "host_address"), "sender_host_address", "sender_host_port");
        hostAndPort(variables, option(header, "interface_address"), "received_ip_address", "received_port");
        variables.put("return_path", "");
        for (OptionLine o : header.options()) {
            if ((o.name().equals("aclm") || o.name().equals("aclc")) && o.data() != null && o.value() != null) {
                String rest = o.value().substring(0, o.value().lastIndexOf(' '));
                int length = Math.min(o.data().length, Integer.parseInt(o.value().substring(rest.length() + 1)));
                variables.put("acl_" + o.name().charAt(3) + rest, new String(o.data(), 0, length, StandardCharsets.ISO_8859_1));
            }
        }
        return new MessageExpansionContext(base, message, variables);
    }

    /** The id, the sender and its parts, the recipients. */
    private static void envelope(Map<String, String> variables, String id, String sender, List<String> recipients) {
        variables.put("message_exim_id", id);
        variables.put("message_id", id);
        variables.put("sender_address", sender);
        int at = sender.lastIndexOf('@');
        variables.put("sender_address_local_part", at < 0 ? sender : sender.substring(0, at));
        variables.put("sender_address_domain", at < 0 ? "" : sender.substring(at + 1));
        variables.put("recipients", String.join(", ", recipients));
        variables.put("recipients_count", Integer.toString(recipients.size()));
    }

    /** The sizes, line counts, body and header texts. */
    private static void content(Map<String, String> variables, FilterMessage message, List<String> headerLines,
                                long headerNewlines, long bodyLines) {
        variables.put("body_linecount", Long.toString(bodyLines));
        variables.put("message_linecount", Long.toString(headerNewlines + bodyLines));
        variables.put("message_size", Long.toString(message.size()));
        variables.put("message_body_size", Long.toString(message.bodySize()));
        variables.put("message_body", message.messageBody());
        variables.put("message_body_end", message.messageBodyEnd());
        variables.put("message_headers", message.messageHeaders());
        variables.put("message_headers_raw", String.join("", headerLines)); // raw: each line with its newline
        variables.put("reply_address", message.replyAddress());
    }

    private static void hostAndPort(Map<String, String> variables, Optional<String> value, String address, String port) {
        String v = value.orElse("");
        int close = v.lastIndexOf("]:");
        if (v.startsWith("[") && close > 0) {
            variables.put(address, v.substring(1, close));
            variables.put(port, v.substring(close + 2));
        } else {
            variables.put(address, "");
            variables.put(port, "0");
        }
    }

    private static Optional<String> option(HeaderFile header, String name) {
        return header.options().stream().filter(o -> o.name().equals(name)).findFirst().map(OptionLine::value);
    }

    /** The -D file after its first line (the file's name). */
    private static String body(byte[] data) {
        int nl = 0;
        while (nl < data.length && data[nl] != '\n') {
            nl++;
        }
        int start = Math.min(data.length, nl + 1);
        return new String(data, start, data.length - start, StandardCharsets.ISO_8859_1);
    }

    /** The headers of the -H file that are transmitted: "NNNf text", deleted ones (flag *) left out. */
    private static List<String> headerLines(byte[] bytes) {
        List<String> lines = new ArrayList<>();
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int pos = 0;
        while (pos + 5 <= text.length()) {
            int length = Integer.parseInt(text.substring(pos, pos + 3).strip());
            char flag = text.charAt(pos + 3);
            String field = text.substring(pos + 5, Math.min(text.length(), pos + 5 + length));
            if (flag != '*') {
                lines.add(field);
            }
            pos += 5 + length;
        }
        return lines;
    }

    @Override
    public Optional<String> variable(String name) {
        String v = variables.get(name);
        return v != null ? Optional.of(v) : base.variable(name);
    }

    @Override
    public Optional<String> header(String name, HeaderKind kind) {
        return Optional.ofNullable(message.header(name, kind));
    }
}
