package org.jexim.queue;

/**
 * One {@code -name value} line of a -H file. ACL variables ({@code -aclc}/{@code -aclm}) carry
 * their value in {@code data}, the block of that many bytes that follows the line.
 */
public record SpoolOption(String name, String value, String data) {
    public static SpoolOption flag(String name) {
        return new SpoolOption(name, null, null);
    }

    public static SpoolOption of(String name, String value) {
        return new SpoolOption(name, value, null);
    }

    /** The line as written after its leading hyphen. */
    String line() {
        return value == null ? name : name + " " + value;
    }
}
