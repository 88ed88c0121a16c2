package org.jexim.cli;

import java.util.Map;
import org.jexim.address.AddressItem;
import org.jexim.routing.AddressSyntax;

/** An address given on the command line of -bt/-bv: syntax checks as Exim's parser reports them, qualification. */
final class AddressArgument {
    private AddressArgument() {
    }

    static AddressItem parse(String argument, String qualifyDomain) {
        String a = argument.strip();
        if (a.isEmpty()) {
            throw new IllegalArgumentException("empty address");
        }
        String error = AddressSyntax.error(a); // with its angle brackets, which Exim parses as a route-addr
        if (error != null) {
            throw new IllegalArgumentException(error);
        }
        if (a.startsWith("<") && a.endsWith(">")) {
            a = a.substring(1, a.length() - 1).strip();
        }
        int at = a.lastIndexOf('@');
        if (at < 0) {
            return new AddressItem(a, qualifyDomain, null, Map.of());
        }
        return new AddressItem(a.substring(0, at), a.substring(at + 1), null, Map.of());
    }

    /** The text Exim keys duplicate detection on for a top-level address: as typed. */
    static String unique(String argument) {
        String a = argument.strip();
        return a.startsWith("<") && a.endsWith(">") ? a.substring(1, a.length() - 1).strip() : a;
    }
}
