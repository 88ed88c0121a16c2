package org.jexim.acl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the ACLs of one message asked for, beyond their verdicts: headers to add
 * ({@code add_header}, {@code message} of {@code warn}) and remove, and the controls set
 * ({@code control = freeze}, {@code submission/domain=...}, {@code fakereject/TEXT}, ...).
 * The server applies them when it stores the message; RSET and a new message clear them.
 */
public final class AclEffects {
    private final Map<String, Object> lookupCache = new java.util.HashMap<>();
    private Object lookupCacheMessage;

    /** Where an added header goes (Exim's :at_end:, :at_start:, :after_received:, :at_start_rfc:). */
    public enum Placement { AT_END, AT_START, AFTER_RECEIVED, AT_START_RFC }

    /** One header to add: its full text ("Name: value", lines joined with "\n"), and its place. */
    public record AddedHeader(String text, Placement placement) {
    }

    private final List<AddedHeader> added = new ArrayList<>();
    private final Set<String> removed = new LinkedHashSet<>();
    private final Map<String, String> controls = new LinkedHashMap<>();
    private final Map<String, String> sessionControls = new LinkedHashMap<>();
    private final Set<String> warnings = new java.util.HashSet<>();
    /** Sender verifications of this message by address (Exim's sender_verified_list). */
    private final Map<String, SenderVerifyFailure> senderChecks = new LinkedHashMap<>();
    private final Set<String> sendersVerified = new java.util.HashSet<>();
    private SenderVerifyFailure senderFailure;
    /** ratelimit results already computed: per connection, per message, per command (Exim's ratelimiters_*). */
    private final Map<String, Double> connRates = new java.util.HashMap<>();
    private final Map<String, Double> mailRates = new java.util.HashMap<>();
    private final Map<String, Double> cmdRates = new java.util.HashMap<>();

    public List<AddedHeader> addedHeaders() {
        return added;
    }

    /** Adds a header unless one with the same text was already added (Exim adds each once). */
    public void addHeader(String text, Placement placement) {
        if (added.stream().noneMatch(h -> h.text().startsWith(text))) {
            added.add(new AddedHeader(text, placement));
        }
    }

    /** Whether a "Warning:" log line was already written for this connection (Exim writes each once). */
    public boolean firstWarning(String line) {
        return warnings.add(line);
    }

    /** Names of headers to remove (without the colon), in the order given. */
    public Set<String> removedHeaders() {
        return removed;
    }

    public void removeHeader(String name) {
        removed.add(name);
    }

    /**
     * Sets a control for the current message ("freeze" -> "no_tell" or "", "submission" ->
     * its options ...); connection-wide ones ({@code no_multiline_responses},
     * {@code no_pipelining}, {@code enforce_sync}, ...) go through {@link #setSessionControl}.
     */
    public void setControl(String name, String options) {
        controls.put(name, options == null ? "" : options);
    }

    public void clearControl(String name) {
        controls.remove(name);
        sessionControls.remove(name);
    }

    public void setSessionControl(String name, String options) {
        sessionControls.put(name, options == null ? "" : options);
    }

    /** The options of a control set for this message or connection, empty when it is not set. */
    public Optional<String> control(String name) {
        String v = controls.get(name);
        return Optional.ofNullable(v != null ? v : sessionControls.get(name));
    }

    public boolean has(String control) {
        return control(control).isPresent();
    }

    /** The sender verification that failed in the current ACL run (Exim's sender_verified_failed), or null. */
    public SenderVerifyFailure senderFailure() {
        return senderFailure;
    }

    public void senderFailure(SenderVerifyFailure failure) {
        senderFailure = failure;
    }

    /** A failed sender verification of this message, cached for the next RCPT; null when none. */
    public SenderVerifyFailure cachedSenderFailure(String address) {
        return senderChecks.get(address);
    }

    /** Whether this sender address was verified successfully for this message already. */
    public boolean senderVerified(String address) {
        return sendersVerified.contains(address);
    }

    public void senderChecked(String address, SenderVerifyFailure failure) {
        if (failure == null) {
            sendersVerified.add(address);
        } else {
            senderChecks.put(address, failure);
        }
    }

    /** The ratelimit cache of a scope: "conn", "mail" or "cmd". */
    public Map<String, Double> rates(String scope) {
        return switch (scope) {
            case "conn" -> connRates;
            case "mail" -> mailRates;
            default -> cmdRates;
        };
    }

    /**
     * Exim's search cache for the connection: lookups keep their results from one ACL to the
     * next (RSET and MAIL do not empty it) until a message's data arrives, where receive_msg()
     * calls search_tidyup(); {@code message} is the received message the asking ACL sees, or null.
     */
    public Map<String, Object> lookupCache(Object message) {
        if (message != null && message != lookupCacheMessage) {
            lookupCache.clear();
            lookupCacheMessage = message;
        }
        return lookupCache;
    }

    /** A new ACL check starts (Exim clears ratelimiters_cmd in acl_check). */
    public void newCommand() {
        cmdRates.clear();
    }

    /** Forgets what concerned the current message (RSET, a new MAIL, the end of DATA). */
    public void newMessage() {
        mailRates.clear();
        added.clear();
        removed.clear();
        controls.clear();
        senderChecks.clear();
        sendersVerified.clear();
        senderFailure = null;
    }
}
