package org.jexim.conf.lookup.ldap;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.SearchResultEntry;
import java.nio.charset.StandardCharsets;

/**
 * Exim's layout of LDAP results: for one requested attribute its values joined by commas (a
 * comma in a value doubled); otherwise {@code name="value,value"} pairs separated by spaces,
 * with quotes and backslashes escaped, newlines as \n and commas doubled; entries on lines.
 * Strings hold bytes, one char each, as everywhere in jexim's expansion.
 */
final class EntryFormat {
    private final int attrsRequested;
    private StringBuilder data;
    private boolean attributeFound;

    EntryFormat(int attrsRequested) {
        this.attrsRequested = attrsRequested;
    }

    /** Adds the attribute values of one entry. */
    void entry(SearchResultEntry e) {
        newEntry();
        int valueCount = 0;
        boolean insertSpace = false;
        for (Attribute a : e.getAttributes()) {
            if (attrsRequested != 1) {
                valueCount = 0;
            }
            byte[][] values = a.getValueByteArrays();
            if (values.length == 0) {
                continue;
            }
            if (attrsRequested != 1) {
                if (insertSpace) {
                    data().append(' ');
                } else {
                    insertSpace = true;
                }
                data().append(bytes(a.getName())).append("=\"");
            }
            for (byte[] v : values) {
                String value = new String(v, StandardCharsets.ISO_8859_1);
                int nul = value.indexOf('\0');
                if (nul >= 0) {
                    value = value.substring(0, nul);
                }
                valueCount++;
                if (data != null && valueCount > 1) {
                    data.append(',');
                }
                StringBuilder d = data();
                for (int j = 0; j < value.length(); j++) {
                    char c = value.charAt(j);
                    if (c == ',') {
                        d.append(",,");
                    } else if (attrsRequested != 1 && c == '\n') {
                        d.append("\\n");
                    } else {
                        if (attrsRequested != 1 && (c == '"' || c == '\\')) {
                            d.append('\\');
                        }
                        d.append(c);
                    }
                }
                attributeFound = true;
            }
            if (attrsRequested != 1) {
                data().append('"');
            }
        }
    }

    /** Adds the DN of one entry (ldapdn). */
    void dn(SearchResultEntry e) {
        newEntry();
        data().append(bytes(e.getDN()));
        attributeFound = true;
    }

    boolean attributeFound() {
        return attributeFound;
    }

    String result() {
        return data == null ? "" : data.toString();
    }

    private void newEntry() {
        if (data != null) {
            data.append('\n');
        }
    }

    private StringBuilder data() {
        if (data == null) {
            data = new StringBuilder();
        }
        return data;
    }

    /** A decoded string as the bytes libldap hands Exim. */
    static String bytes(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }
}
