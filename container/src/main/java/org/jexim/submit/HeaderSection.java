package org.jexim.submit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The header fields of a message being received, in order, each with its folded lines and final
 * LF, as Exim's header list holds them before the -H file is written.
 */
public final class HeaderSection {
    private final List<String> fields = new ArrayList<>();

    /** Appends a field (its text must end in LF). */
    public void add(String field) {
        fields.add(field.endsWith("\n") ? field : field + "\n");
    }

    public void addFirst(String field) {
        fields.add(0, field.endsWith("\n") ? field : field + "\n");
    }

    public List<String> fields() {
        return List.copyOf(fields);
    }

    /** The name of a field: what precedes the colon, without white space. */
    public static String nameOf(String field) {
        int colon = field.indexOf(':');
        return (colon < 0 ? field : field.substring(0, colon)).trim();
    }

    /** The value after the colon, with the folding kept and the final LF removed. */
    public static String valueOf(String field) {
        int colon = field.indexOf(':');
        String v = colon < 0 ? "" : field.substring(colon + 1);
        return v.endsWith("\n") ? v.substring(0, v.length() - 1) : v;
    }

    public boolean has(String name) {
        return first(name).isPresent();
    }

    public Optional<String> first(String name) {
        return fields.stream().filter(f -> nameOf(f).equalsIgnoreCase(name)).findFirst();
    }

    public List<String> all(String name) {
        return fields.stream().filter(f -> nameOf(f).equalsIgnoreCase(name)).toList();
    }

    /** Removes every field of that name. */
    public void remove(String name) {
        fields.removeIf(f -> nameOf(f).equalsIgnoreCase(name));
    }

    /** Replaces one field by another text at the same place. */
    public void replace(String old, String replacement) {
        int i = fields.indexOf(old);
        if (i >= 0) {
            fields.set(i, replacement.endsWith("\n") ? replacement : replacement + "\n");
        }
    }

    /** Removes one field (the first equal to {@code field}). */
    public void removeField(String field) {
        fields.remove(field);
    }

    public boolean anyResent() {
        return fields.stream().anyMatch(f -> nameOf(f).toLowerCase(Locale.ROOT).startsWith("resent-"));
    }

    /** The header section as bytes, each field as it is, no blank line after. */
    public byte[] bytes() {
        return String.join("", fields).getBytes(StandardCharsets.ISO_8859_1);
    }
}
