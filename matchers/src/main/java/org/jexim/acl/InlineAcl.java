package org.jexim.acl;

import java.util.ArrayList;
import java.util.List;
import org.jexim.conf.model.AclItem;
import org.jexim.conf.model.AclStatement;
import org.jexim.conf.model.AclVerb;
import org.jexim.conf.reader.AclReader;

/**
 * The text of an ACL given where a name is expected ({@code acl = accept}, {@code ${acl{deny
 * message=...}}}, an expanded acl_smtp_* value): statements separated by newlines, each a verb
 * and its "name = value" items, parsed as Exim's acl_read() does for inline ACLs.
 */
final class InlineAcl {
    private InlineAcl() {
    }

    static List<AclStatement> parse(String text) {
        List<AclStatement> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            String[] parts = s.split("\\s+", 2);
            AclVerb verb = verb(parts[0]);
            if (verb == null) {
                throw new IllegalArgumentException("error in ACL: unknown ACL verb \"" + parts[0] + "\" in \"" + s + "\"");
            }
            out.add(new AclStatement(verb, items(parts.length > 1 ? parts[1] : ""), null));
        }
        return out;
    }

    /** Items start at a known condition or modifier name followed by "="; each runs to the next. */
    private static List<AclItem> items(String rest) {
        List<AclItem> items = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:^|\\s)(!\\s*)?([a-z_]+)\\s*=").matcher(rest);
        List<int[]> starts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Boolean> negs = new ArrayList<>();
        while (m.find()) {
            if (AclReader.CONDITIONS.contains(m.group(2)) || AclReader.MODIFIERS.contains(m.group(2))) {
                starts.add(new int[] {m.start(), m.end()});
                names.add(m.group(2));
                negs.add(m.group(1) != null);
            }
        }
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : rest.length();
            String name = names.get(i);
            items.add(new AclItem(name, negs.get(i), AclReader.MODIFIERS.contains(name),
                    rest.substring(starts.get(i)[1], end).strip(), null));
        }
        return items;
    }

    private static AclVerb verb(String word) {
        for (AclVerb v : AclVerb.values()) {
            if (v.keyword().equals(word)) {
                return v;
            }
        }
        return null;
    }
}
