package org.jexim.scan;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One message as the DATA ACL sees it, with what the scans found so far: the variables they
 * set ({@code spam_*}, {@code malware_name}) and their cached results, since Exim scans a
 * message once per spamd user and once for malware.
 */
public final class ScannedMessage {
    private static final DateTimeFormatter BSD_INBOX =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH);
    private final byte[] content;
    private final Map<String, String> variables = new LinkedHashMap<>();
    private String spamKey;
    private SpamResult spam;
    private String malwareKey;
    private Optional<String> malware;
    private String lastError;
    private ScanEnvelope envelope = ScanEnvelope.NONE;

    /** {@code content}: the whole message, headers and body, as it would be spooled. */
    public ScannedMessage(byte[] content) {
        this.content = content.clone();
    }

    /**
     * The message as Exim's spool_mbox hands it to the scanners: a {@code From MAILER-DAEMON}
     * line with the time as {@code $tod_bsdinbox}, {@code X-Envelope-From} and
     * {@code X-Envelope-To} (recipients joined by ", "), then {@code message} (headers as
     * spooled, including the Received line, and body) with CRLF line ends made LF.
     */
    public static ScannedMessage spooled(String sender, List<String> recipients, byte[] message, ZonedDateTime time) {
        StringBuilder head = new StringBuilder("From MAILER-DAEMON ").append(BSD_INBOX.format(time)).append('\n');
        if (sender != null && !sender.isEmpty()) {
            head.append("X-Envelope-From: <").append(sender).append(">\n");
        }
        if (!recipients.isEmpty()) {
            head.append("X-Envelope-To: ").append(String.join(", ", recipients)).append('\n');
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.length + head.length());
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        for (int i = 0; i < message.length; i++) {
            if (message[i] == '\r' && i + 1 < message.length && message[i + 1] == '\n') {
                continue;
            }
            out.write(message[i]);
        }
        return new ScannedMessage(out.toByteArray());
    }

    byte[] content() {
        return content;
    }

    /** The envelope the rspamd variant sends; {@link ScanEnvelope#NONE} unless given. */
    public ScanEnvelope envelope() {
        return envelope;
    }

    /** Gives the message its envelope (for rspamd); returns this. */
    public ScannedMessage withEnvelope(ScanEnvelope e) {
        this.envelope = e == null ? ScanEnvelope.NONE : e;
        return this;
    }

    /** The expansion variables set by the scans, by name without the dollar. */
    public Map<String, String> variables() {
        return Map.copyOf(variables);
    }

    /** Why the last scan deferred, for the log; empty when none did. */
    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    void error(String message) {
        lastError = message;
    }

    SpamResult cachedSpam(String key) {
        return key.equals(spamKey) ? spam : null;
    }

    void spam(String key, SpamResult result) {
        spamKey = key;
        spam = result;
        variables.putAll(result.variables());
    }

    Optional<String> cachedMalware(String key) {
        return key.equals(malwareKey) ? malware : null;
    }

    void malware(String key, Optional<String> name) {
        malwareKey = key;
        malware = name;
        if (name.isPresent()) {
            variables.put("malware_name", name.get());
        } else {
            variables.remove("malware_name");
        }
    }
}
