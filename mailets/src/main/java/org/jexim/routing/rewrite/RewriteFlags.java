package org.jexim.routing.rewrite;

/**
 * The flag bits of a rewrite rule (Exim's rewrite_* macros): where a rule applies (headers,
 * envelope, SMTP time) and how it runs (Q qualify, R repeat, w whole, q quit).
 */
public final class RewriteFlags {
    public static final int SENDER = 0x0001;
    public static final int FROM = 0x0002;
    public static final int TO = 0x0004;
    public static final int CC = 0x0008;
    public static final int BCC = 0x0010;
    public static final int REPLY_TO = 0x0020;
    public static final int ALL_HEADERS = 0x003F;
    public static final int ENV_FROM = 0x0040;
    public static final int ENV_TO = 0x0080;
    public static final int ALL_ENVELOPE = 0x00C0;
    public static final int ALL = ALL_HEADERS | ALL_ENVELOPE;
    public static final int SMTP = 0x0100;
    public static final int SMTP_SENDER = 0x0200;
    public static final int QUALIFY = 0x0400;
    public static final int REPEAT = 0x0800;
    public static final int WHOLE = 0x1000;
    public static final int QUIT = 0x2000;

    private RewriteFlags() {
    }

    /**
     * The bits of a rule's flag letters (readconf_one_rewrite); with no letter saying where, a
     * rule of the rewrite section applies to all headers and the envelope, one of a transport's
     * headers_rewrite to all headers.
     */
    public static int of(String letters, boolean global) {
        int flags = 0;
        for (char c : letters.toCharArray()) {
            flags |= switch (c) {
                case 'q' -> QUIT;
                case 'w' -> WHOLE;
                case 'h' -> ALL_HEADERS;
                case 's' -> SENDER;
                case 'f' -> FROM;
                case 't' -> TO;
                case 'c' -> CC;
                case 'b' -> BCC;
                case 'r' -> REPLY_TO;
                case 'E' -> ALL_ENVELOPE;
                case 'F' -> ENV_FROM;
                case 'T' -> ENV_TO;
                case 'Q' -> QUALIFY;
                case 'R' -> REPEAT;
                case 'S' -> SMTP;
                default -> 0;
            };
        }
        if ((flags & (ALL | SMTP)) == 0) {
            flags |= global ? ALL : ALL_HEADERS;
        }
        return flags;
    }

    /** The flag of a header by name (Sender, From, To, Cc, Bcc, Reply-To), 0 for other headers. */
    public static int ofHeader(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "sender" -> SENDER;
            case "from" -> FROM;
            case "to" -> TO;
            case "cc" -> CC;
            case "bcc" -> BCC;
            case "reply-to" -> REPLY_TO;
            default -> 0;
        };
    }
}
