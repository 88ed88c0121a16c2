package org.jexim.conf.translate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jexim.conf.SourceLocation;
import org.jexim.conf.model.Acl;
import org.jexim.conf.model.AclItem;
import org.jexim.conf.model.AclStatement;
import org.jexim.conf.model.AclVerb;
import org.jexim.conf.model.OptionSetting;
import org.jexim.conf.reader.AclReader;

/**
 * The ACL an acl_smtp_* option names: an ACL of the acl section, or (as Exim allows) the
 * text of an ACL written in the option itself ({@code acl_smtp_rcpt = accept}), which the
 * translation writes once as an ACL called {@code inline:OPTION}. ACL names built by
 * expansion and ACL files cannot be translated yet.
 */
final class InlineAcls {
    private static final Pattern ITEM = Pattern.compile("(?:^|\\s)(!\\s*)?([a-z_][a-z0-9_]*)\\s*=");

    private final Map<String, Acl> inline = new LinkedHashMap<>();

    /** The name of the ACL that option {@code setting} runs, or empty when it cannot be translated. */
    Optional<String> resolve(OptionSetting setting, Map<String, Acl> defined) {
        String text = OptionTexts.of(setting).strip();
        if (defined.containsKey(text)) {
            return Optional.of(text);
        }
        String firstWord = text.split("\\s+", 2)[0];
        if (verb(firstWord) == null) {
            return Optional.empty();
        }
        String name = "inline:" + setting.name();
        inline.computeIfAbsent(name, n -> new Acl(n, parse(text, setting.location()), setting.location()));
        return Optional.of(name);
    }

    /** The ACLs written inline in options, in the order they were met. */
    Map<String, Acl> acls() {
        return inline;
    }

    static List<AclStatement> parse(String text, SourceLocation location) {
        List<AclStatement> statements = new ArrayList<>();
        for (String line : text.split("\\\\n|\n")) {
            String s = line.strip();
            if (s.isEmpty()) {
                continue;
            }
            String[] verbAndRest = s.split("\\s+", 2);
            AclVerb verb = verb(verbAndRest[0]);
            String rest = verbAndRest.length > 1 ? verbAndRest[1] : "";
            List<AclItem> items = new ArrayList<>();
            Matcher m = ITEM.matcher(rest);
            List<int[]> starts = new ArrayList<>();
            while (m.find()) {
                if (AclReader.CONDITIONS.contains(m.group(2)) || AclReader.MODIFIERS.contains(m.group(2))) {
                    starts.add(new int[] {m.start(), m.end()});
                }
            }
            for (int i = 0; i < starts.size(); i++) {
                Matcher one = ITEM.matcher(rest.substring(starts.get(i)[0], starts.get(i)[1]));
                one.find();
                String name = one.group(2);
                int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : rest.length();
                String value = rest.substring(starts.get(i)[1], end).strip();
                items.add(new AclItem(name, one.group(1) != null, AclReader.MODIFIERS.contains(name), value, location));
            }
            statements.add(new AclStatement(verb, List.copyOf(items), location));
        }
        return List.copyOf(statements);
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
