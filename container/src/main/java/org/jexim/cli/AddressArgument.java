package org.jexim.cli;

import java.util.Map;
import org.jexim.address.AddressItem;

/** An address given on the command line of -bt/-bv: syntax checks as Exim's parser reports them, qualification. */
final class AddressArgument {
    private AddressArgument() {
    }

    static AddressItem parse(String argument, String qualifyDomain) {
        String a = argument.strip();
        if (a.startsWith("<") && a.endsWith(">")) {
            a = a.substring(1, a.length() - 1).strip();
        }
        int at = a.lastIndexOf('@');
        String local = at < 0 ? a : a.substring(0, at);
        if (local.isEmpty()) {
            throw new IllegalArgumentException(at < 0 ? "empty address" : "no local part");
        }
        if (!local.startsWith("\"") && (local.contains(" ") || local.contains("\t"))) {
            throw new IllegalArgumentException("missing or malformed local part (expected word or \"<\")");
        }
        if (at < 0) {
            return new AddressItem(local, qualifyDomain, null, Map.of());
        }
        String domain = a.substring(at + 1);
        if (domain.isEmpty() || domain.startsWith(".") || domain.endsWith(".") || domain.contains("..")) {
            throw new IllegalArgumentException("domain missing or malformed");
        }
        return new AddressItem(local, domain, null, Map.of());
    }

    /** The text Exim keys duplicate detection on for a top-level address: as typed. */
    static String unique(String argument) {
        String a = argument.strip();
        return a.startsWith("<") && a.endsWith(">") ? a.substring(1, a.length() - 1).strip() : a;
    }
}
