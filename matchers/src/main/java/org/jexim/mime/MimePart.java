package org.jexim.mime;

import java.util.Map;

/**
 * One MIME part as the MIME ACL sees it: the {@code $mime_*} variables Exim sets for it, its
 * body raw and decoded (for {@code decode} and {@code mime_regex}), and the boundary of the
 * multipart around it (null at the top of a message), where Exim's {@code regex} stops reading.
 */
public record MimePart(Map<String, String> variables, byte[] rawBody, byte[] decodedBody, String enclosingBoundary) {
    public MimePart(Map<String, String> variables, byte[] rawBody, byte[] decodedBody) {
        this(variables, rawBody, decodedBody, null);
    }

    public String variable(String name) {
        return variables.getOrDefault(name, "");
    }

    /**
     * What the {@code regex} condition reads in the MIME ACL (Exim's regex.c): the part's raw
     * body up to the first line that starts with "--" and the enclosing boundary (a prefix
     * match, so a nested boundary that begins with it ends the text too); all of it at the top.
     */
    public byte[] regexText() {
        if (enclosingBoundary == null || enclosingBoundary.isEmpty()) {
            return rawBody;
        }
        byte[] marker = ("--" + enclosingBoundary).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        for (int start = 0; start < rawBody.length; ) {
            if (java.util.Arrays.equals(rawBody, start, Math.min(rawBody.length, start + marker.length), marker, 0, marker.length)) {
                return java.util.Arrays.copyOf(rawBody, start);
            }
            int nl = start;
            while (nl < rawBody.length && rawBody[nl] != '\n') {
                nl++;
            }
            start = nl + 1;
        }
        return rawBody;
    }
}
