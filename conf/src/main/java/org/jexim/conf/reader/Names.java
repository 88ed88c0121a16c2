package org.jexim.conf.reader;

/** Exim's readconf_readname(): a name starting with a letter, then letters, digits and underscores. */
record Names(String name, int end) {
    /** Exim's EXIM_DRIVERNAME_MAX less the terminator. */
    static final int MAX = 63;

    /** Reads a name at {@code from} after white space, and skips the white space after it. */
    static Names read(String s, int from) throws NameTooLong {
        int i = Ascii.skipSpace(s, from);
        StringBuilder name = new StringBuilder();
        if (Ascii.isAlpha(Ascii.at(s, i))) {
            while (Ascii.isNameChar(Ascii.at(s, i))) {
                if (name.length() >= MAX) {
                    throw new NameTooLong("exim item name too long (>64), unable to use \"" + name + "\" (truncated)");
                }
                name.append(s.charAt(i++));
            }
        }
        return new Names(name.toString(), Ascii.skipSpace(s, i));
    }

    /** A name longer than Exim's buffer. */
    static final class NameTooLong extends Exception {
        NameTooLong(String message) {
            super(message);
        }
    }
}
