package org.jexim.submit;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Exim's {@code $originator_name}: -F when given; else, unless a trusted caller set the sender
 * with -f, the gecos field ({@code &} replaced by the capitalised login, then gecos_pattern and
 * gecos_name applied); made safe as an RFC 5322 phrase (parse_fix_phrase).
 */
public final class OriginatorName {
    private static final String SPECIALS = "()<>@,;:\\\".[]";

    private OriginatorName() {
    }

    public static String of(Caller caller, Optional<String> forced, boolean trustedSetSender,
                            Optional<String> gecosPattern, Optional<String> gecosName) {
        if (forced.isPresent()) {
            return phrase(forced.get());
        }
        if (trustedSetSender) {
            return "";
        }
        String name = caller.gecos();
        int amp = name.indexOf('&');
        if (amp >= 0) {
            String login = caller.login().isEmpty() ? ""
                : caller.login().substring(0, 1).toUpperCase(Locale.ROOT) + caller.login().substring(1);
            name = name.substring(0, amp) + login + name.substring(amp + 1);
        }
        if (gecosPattern.isPresent() && gecosName.isPresent()) {
            Matcher m = Pattern.compile(gecosPattern.get()).matcher(name);
            if (m.find()) {
                String result = gecosName.get();
                for (int g = Math.min(9, m.groupCount()); g >= 0; g--) {
                    String value = m.group(g) == null ? "" : m.group(g);
                    result = result.replace("${" + g + "}", value).replace("$" + g, value);
                }
                name = result;
            }
        }
        return phrase(name);
    }

    /** The name quoted when it holds characters that a phrase may not contain unquoted. */
    static String phrase(String name) {
        String trimmed = name.strip();
        if (trimmed.startsWith("\"") && trimmed.endsWith("\"") && trimmed.length() > 1) {
            return trimmed;
        }
        boolean special = trimmed.chars().anyMatch(c -> SPECIALS.indexOf(c) >= 0);
        if (!special) {
            return trimmed;
        }
        return "\"" + trimmed.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
