package org.jexim.conf.expand;

/** Recognises header variable names ($h_X:, $rh_X:, $bh_X:, $lh_X:, $header_X:) for def: and variables. */
public final class HeaderNames {
    private HeaderNames() {
    }

    /** When {@code name} starts a header reference, reads the rest and returns the header name (no colon); else null. */
    public static String headerOf(String name, ExpansionParser p) {
        if (name.isEmpty() || HeaderRef.kindOf(name) == null) {
            return null;
        }
        String h = HeaderRef.readHeaderName(name, p);
        return h.substring(0, h.length() - 1);
    }
}
