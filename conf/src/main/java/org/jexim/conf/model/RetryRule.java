package org.jexim.conf.model;

import java.util.List;
import org.jexim.conf.SourceLocation;

/**
 * A rule of the retry section: the address or domain pattern, the error name ("*",
 * "timeout_connect", "rcpt_4xx", ...), an optional senders list, and its parameter sets.
 */
public record RetryRule(String pattern, String error, String senders, List<Parameters> parameters,
                        SourceLocation location) {
    /** One of F, G or H: cutoff time and first interval in seconds, with the factor for G and H. */
    public record Parameters(char algorithm, long cutoffSeconds, long intervalSeconds, double factor) {
    }
}
