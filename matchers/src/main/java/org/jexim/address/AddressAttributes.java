package org.jexim.address;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.james.core.MailAddress;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;

/**
 * Per-recipient routing state carried on a James mail: one mail attribute mapping each
 * recipient to its {@link AddressItem} (variables and parents), so that two recipients of one
 * message keep their own state through matchers, mailets and the queue.
 */
public final class AddressAttributes {
    public static final AttributeName NAME = AttributeName.of("org.jexim.addresses");

    private AddressAttributes() {
    }

    /** The routing state of a recipient; a fresh item when it has none yet. */
    public static AddressItem get(Mail mail, MailAddress recipient) {
        return all(mail).getOrDefault(recipient.asString(), null) instanceof String s
                ? decode(s) : AddressItem.of(recipient.asString());
    }

    public static void put(Mail mail, MailAddress recipient, AddressItem item) {
        Map<String, Object> map = all(mail);
        map.put(recipient.asString(), encode(item));
        Map<String, AttributeValue<?>> values = new LinkedHashMap<>();
        map.forEach((k, v) -> values.put(k, AttributeValue.of((String) v)));
        mail.setAttribute(new Attribute(NAME, AttributeValue.of(values)));
    }

    private static Map<String, Object> all(Mail mail) {
        Map<String, Object> out = new LinkedHashMap<>();
        Optional<Attribute> a = mail.getAttribute(NAME);
        if (a.isPresent() && a.get().getValue().value() instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k),
                    v instanceof AttributeValue<?> av ? av.value() : v));
        }
        return out;
    }

    /** One line per generation, this address first: local part, domain, then name=value pairs, tab separated. */
    static String encode(AddressItem item) {
        StringBuilder b = new StringBuilder();
        for (AddressItem a = item; a != null; a = a.parent().orElse(null)) {
            b.append(escape(a.localPart())).append('\t').append(escape(a.domain()));
            a.variables().forEach((k, v) -> b.append('\t').append(escape(k)).append('=').append(escape(v)));
            b.append('\n');
        }
        return b.toString();
    }

    static AddressItem decode(String text) {
        String[] lines = text.split("\n");
        AddressItem item = null;
        for (int i = lines.length - 1; i >= 0; i--) {
            String[] f = lines[i].split("\t", -1);
            Map<String, String> vars = new HashMap<>();
            for (int k = 2; k < f.length; k++) {
                int eq = f[k].indexOf('=');
                vars.put(unescape(f[k].substring(0, eq)), unescape(f[k].substring(eq + 1)));
            }
            item = new AddressItem(unescape(f[0]), unescape(f[1]), item, vars);
        }
        return item;
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("=", "\\e");
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(switch (n) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'e' -> '=';
                    default -> n;
                });
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Helper for tests and adapters: the recipients in order with their state. */
    public static List<AddressItem> items(Mail mail) {
        List<AddressItem> items = new ArrayList<>();
        mail.getRecipients().forEach(r -> items.add(get(mail, r)));
        return items;
    }
}
