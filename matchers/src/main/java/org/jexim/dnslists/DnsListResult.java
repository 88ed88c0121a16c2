package org.jexim.dnslists;

import java.util.Map;

/**
 * The outcome of one {@code dnslists} condition: TRUE (listed), FALSE, DEFER (a lookup failed
 * under {@code +defer_unknown}) or ERROR, the variables to set ({@code dnslist_domain},
 * {@code dnslist_matched}, {@code dnslist_value}, {@code dnslist_text}; a null value unsets
 * one) and the lines for the main log (deferred lookups).
 */
public record DnsListResult(Code code, Map<String, String> variables, java.util.List<String> logLines) {
    /** Exim's OK, FAIL, DEFER, ERROR. */
    public enum Code { OK, FAIL, DEFER, ERROR }
}
