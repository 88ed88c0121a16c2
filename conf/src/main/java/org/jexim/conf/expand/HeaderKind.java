package org.jexim.conf.expand;

/** Which form of a header's value {@code $h_}, {@code $rh_}, {@code $lh_}, {@code $bh_} want. */
public enum HeaderKind {
    /** $h_: decoded (RFC 2047) and with white space at the start removed. */
    DECODED,
    /** $rh_: raw. */
    RAW,
    /** $lh_: raw, one line per header occurrence. */
    LIST,
    /** $bh_: decoded, but without charset translation. */
    BODY_CHARSET_FREE
}
