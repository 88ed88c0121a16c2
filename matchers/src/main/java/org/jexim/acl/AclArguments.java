package org.jexim.acl;

import java.util.ArrayList;
import java.util.List;
import org.jexim.conf.expand.ExpansionException;

/**
 * The value of the {@code acl} condition as Exim's acl_check_wargs() reads it: up to ten words
 * (the ACL name and nine arguments), each possibly in double quotes (string_dequote), each
 * expanded on its own.
 */
final class AclArguments {
    private AclArguments() {
    }

    static List<String> split(String value, AclSubject subject) throws ExpansionException {
        List<String> words = new ArrayList<>();
        int i = 0;
        String s = value;
        while (words.size() < 10) {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (i >= s.length()) {
                break;
            }
            StringBuilder w = new StringBuilder();
            boolean quoted = false;
            while (i < s.length() && (quoted || !Character.isWhitespace(s.charAt(i)))) {
                char c = s.charAt(i++);
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == '\\' && quoted && i < s.length()) {
                    w.append(c).append(s.charAt(i++));
                } else {
                    w.append(c);
                }
            }
            words.add(AclEngine.expand(w.toString(), subject));
        }
        if (words.isEmpty()) {
            words.add("");
        }
        return words;
    }
}
