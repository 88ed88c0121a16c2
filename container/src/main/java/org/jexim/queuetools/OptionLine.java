package org.jexim.queuetools;

/**
 * One "-name value" line of a -H file as written (without its leading hyphen; "-" again for
 * tainted values), plus the data block that follows an ACL variable line (its newline included).
 */
public record OptionLine(String text, byte[] data) {
    public static OptionLine of(String text) {
        return new OptionLine(text, null);
    }

    /** The option's name: the text up to the first space, without the taint marker. */
    public String name() {
        String t = text.startsWith("-") ? text.substring(1) : text;
        int space = t.indexOf(' ');
        return space < 0 ? t : t.substring(0, space);
    }

    /** The text after the name, or null for a flag. */
    public String value() {
        String t = text.startsWith("-") ? text.substring(1) : text;
        int space = t.indexOf(' ');
        return space < 0 ? null : t.substring(space + 1);
    }
}
