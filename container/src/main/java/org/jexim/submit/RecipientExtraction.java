package org.jexim.submit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * -t: the recipients are taken from To:, Cc: and Bcc: (from the Resent- ones only when there are
 * any), and Bcc: is removed. With extract_addresses_remove_arguments (the default) the addresses
 * given on the command line are taken away from them, otherwise they are added.
 */
public final class RecipientExtraction {
    private RecipientExtraction() {
    }

    /** What -t found: the recipients, and whether some were dropped because the command line named them. */
    public record Extracted(List<String> recipients, boolean ignoredSome) {
    }

    public static Extracted extract(HeaderSection headers, List<String> commandLine, boolean removeArguments,
                                    String qualifyRecipient) {
        boolean resent = headers.anyResent();
        Set<String> removed = new LinkedHashSet<>();
        List<String> out = new ArrayList<>();
        if (removeArguments) {
            commandLine.forEach(a -> removed.add(qualified(a, qualifyRecipient).toLowerCase(Locale.ROOT)));
        } else {
            commandLine.forEach(a -> out.add(qualified(a, qualifyRecipient)));
        }
        boolean ignored = false;
        for (String field : headers.fields()) {
            String name = HeaderSection.nameOf(field).toLowerCase(Locale.ROOT);
            String base = name.startsWith("resent-") ? name.substring(7) : name;
            if (!(base.equals("to") || base.equals("cc") || base.equals("bcc")) || (resent && !name.startsWith("resent-"))) {
                continue;
            }
            for (String address : AddressList.addresses(HeaderSection.valueOf(field))) {
                String q = qualified(address, qualifyRecipient);
                if (removed.contains(q.toLowerCase(Locale.ROOT))) {
                    ignored = true;
                } else {
                    out.add(q);
                }
            }
            if (base.equals("bcc")) {
                headers.removeField(field);
            }
        }
        return new Extracted(out, ignored);
    }

    static String qualified(String address, String domain) {
        return address.contains("@") ? address : address + "@" + domain;
    }
}
