package org.jexim.bounce;

/**
 * A message's RFC 3461 envelope requests: ENVID (as the client gave it, xtext) and RET ("FULL" or
 * "HDRS"); null for those not given.
 */
public record DsnEnvelope(String envid, String ret) {
    public static final DsnEnvelope NONE = new DsnEnvelope(null, null);

    /** RET=HDRS: only the headers come back. */
    public boolean headersOnly() {
        return "HDRS".equals(ret);
    }

    public boolean full() {
        return "FULL".equals(ret);
    }
}
