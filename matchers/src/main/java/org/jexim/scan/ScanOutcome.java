package org.jexim.scan;

/** The result of a {@code spam} or {@code malware} condition, as Exim's OK / FAIL / DEFER. */
public enum ScanOutcome {
    /** The condition is true. */
    OK,
    /** The condition is false. */
    FAIL,
    /** The scanner could not answer: the ACL defers (4xx) unless {@code /defer_ok}. */
    DEFER
}
