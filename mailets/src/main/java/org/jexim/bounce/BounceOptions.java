package org.jexim.bounce;

import java.util.List;

/**
 * The main options that shape a bounce: {@code bounce_message_file} (its sections: headers,
 * intro, generated-text lead, copy lead; null when unset), {@code bounce_message_text},
 * {@code errors_reply_to}, {@code bounce_return_body}, {@code bounce_return_size_limit} and
 * {@code bounce_return_linesize_limit}. Exim 4.96 ignores {@code bounce_return_message} when it
 * writes a bounce, and so does jexim.
 */
public record BounceOptions(List<String> template, String messageText, String errorsReplyTo, boolean returnBody,
        long returnSizeLimit, long returnLineSizeLimit) {
    /** Exim's defaults. */
    public static final BounceOptions DEFAULT = new BounceOptions(null, null, null, true, 100 * 1024, 998);

    /** Section {@code i} of the template file, or null when there is no file or it is too short. */
    String section(int i) {
        return template == null || i >= template.size() ? null : template.get(i);
    }

    /** The sections of a bounce_message_file's text: separated by lines starting with "****". */
    public static List<String> sections(String text) {
        List<String> out = new java.util.ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("****")) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(line).append('\n');
            }
        }
        String last = cur.toString();
        if (!last.isEmpty() && !last.equals("\n")) {
            out.add(last.endsWith("\n\n") ? last.substring(0, last.length() - 1) : last);
        }
        return out;
    }
}
