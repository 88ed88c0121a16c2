package org.jexim.scan;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One message as the DATA ACL sees it, with what the scans found so far: the variables they
 * set ({@code spam_*}, {@code malware_name}) and their cached results, since Exim scans a
 * message once per spamd user and once for malware.
 */
public final class ScannedMessage {
    private final byte[] content;
    private final Map<String, String> variables = new LinkedHashMap<>();
    private String spamKey;
    private SpamResult spam;
    private String malwareKey;
    private Optional<String> malware;
    private String lastError;

    /** {@code content}: the whole message, headers and body, as it would be spooled. */
    public ScannedMessage(byte[] content) {
        this.content = content.clone();
    }

    byte[] content() {
        return content;
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
