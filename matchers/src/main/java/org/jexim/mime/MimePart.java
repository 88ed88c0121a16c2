package org.jexim.mime;

import java.util.Map;

/**
 * One MIME part as the MIME ACL sees it: the {@code $mime_*} variables Exim sets for it, and
 * its body raw (for the {@code regex} condition) and decoded (for {@code decode} and
 * {@code mime_regex}).
 */
public record MimePart(Map<String, String> variables, byte[] rawBody, byte[] decodedBody) {
    public String variable(String name) {
        return variables.getOrDefault(name, "");
    }
}
