package org.jexim.queue;

/**
 * One {@code -name value} line of a -H file. ACL variables ({@code -aclc}/{@code -aclm}) carry
 * their value in {@code data}, the block of that many bytes that follows the line. A tainted value
 * (one that came from outside: the SMTP client, the command line) is written {@code --name value},
 * as Exim's spool_var_write does.
 */
public record SpoolOption(String name, String value, String data, boolean tainted) {
    public SpoolOption(String name, String value, String data) {
        this(name, value, data, false);
    }

    public static SpoolOption flag(String name) {
        return new SpoolOption(name, null, null);
    }

    public static SpoolOption of(String name, String value) {
        return new SpoolOption(name, value, null);
    }

    public static SpoolOption tainted(String name, String value) {
        return new SpoolOption(name, value, null, true);
    }

    /** The line as written after its leading hyphen. */
    String line() {
        return (tainted ? "-" : "") + (value == null ? name : name + " " + value);
    }
}
