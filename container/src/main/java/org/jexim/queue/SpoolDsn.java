package org.jexim.queue;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.james.core.MailAddress;
import org.apache.mailet.DsnParameters;

/**
 * A message's DSN requests as Exim's -H file keeps them (spool_out.c): {@code -dsn_envid} and
 * {@code -dsn_ret} (1 FULL, 2 HDRS) lines, and after a recipient's address
 * {@code " orcpt len,flags errors_to len,pno#3"} with Exim's NOTIFY bits (NEVER 2, SUCCESS 4,
 * FAILURE 8, DELAY 16); read back into James's {@link DsnParameters} for a spool exim4 wrote.
 */
final class SpoolDsn {
    private static final Pattern DATA = Pattern.compile(" (\\S*) (\\d+),(\\d+) (\\S*) (\\d+),(-?\\d+)#3");
    private static final Map<DsnParameters.Notify, Integer> BITS = Map.of(DsnParameters.Notify.NEVER, 2,
        DsnParameters.Notify.SUCCESS, 4, DsnParameters.Notify.FAILURE, 8, DsnParameters.Notify.DELAY, 16);

    private SpoolDsn() {
    }

    /** The text after each recipient's address that has DSN requests, as Exim writes it. */
    static Map<String, String> recipientData(Optional<DsnParameters> dsn, List<String> recipients) {
        Map<String, String> data = new LinkedHashMap<>();
        if (dsn.isEmpty()) {
            return data;
        }
        for (String r : recipients) {
            try {
                DsnParameters.RecipientDsnParameters p = dsn.get().getRcptParameters().get(new MailAddress(r));
                if (p == null) {
                    continue;
                }
                String orcpt = p.getOrcptParameter().map(a -> "rfc822;" + xtext(a.asString())).orElse("");
                int flags = p.getNotifyParameter().map(n -> n.stream().mapToInt(BITS::get).sum()).orElse(0);
                data.put(r, " " + orcpt + " " + orcpt.length() + "," + flags + "  0,-1#3");
            } catch (javax.mail.internet.AddressException e) {
                // not an address James keys requests by: none to write
            }
        }
        return data;
    }

    /** The requests an Exim-written -H file records; empty when it records none. */
    static Optional<DsnParameters> read(SpoolHeader h) {
        Map<MailAddress, DsnParameters.RecipientDsnParameters> rcpts = new LinkedHashMap<>();
        h.recipientData().forEach((address, text) -> {
            Matcher m = DATA.matcher(text);
            if (!m.matches()) {
                return;
            }
            int flags = Integer.parseInt(m.group(3));
            EnumSet<DsnParameters.Notify> notify = EnumSet.noneOf(DsnParameters.Notify.class);
            BITS.forEach((n, bit) -> {
                if ((flags & bit) != 0) {
                    notify.add(n);
                }
            });
            Optional<MailAddress> orcpt = Optional.of(m.group(1)).filter(o -> o.regionMatches(true, 0, "rfc822;", 0, 7))
                .flatMap(o -> address(unxtext(o.substring(7))));
            address(address).ifPresent(a -> DsnParameters.RecipientDsnParameters.of(
                notify.isEmpty() ? Optional.empty() : Optional.of(notify), orcpt).ifPresent(p -> rcpts.put(a, p)));
        });
        Optional<DsnParameters.Ret> ret = h.option("dsn_ret").map(v -> v.equals("1") ? DsnParameters.Ret.FULL
            : v.equals("2") ? DsnParameters.Ret.HDRS : null);
        return DsnParameters.of(h.option("dsn_envid").map(DsnParameters.EnvId::of), ret,
            com.google.common.collect.ImmutableMap.copyOf(rcpts));
    }

    private static Optional<MailAddress> address(String text) {
        try {
            return Optional.of(new MailAddress(text));
        } catch (javax.mail.internet.AddressException e) {
            return Optional.empty();
        }
    }

    /** RFC 3461 xtext: '+', '=' and characters outside 33..126 as +XX. */
    static String xtext(String text) {
        StringBuilder sb = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c < 33 || c > 126 || c == '+' || c == '=') {
                sb.append(String.format("+%02X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String unxtext(String text) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '+' && i + 2 < text.length()) {
                try {
                    sb.append((char) Integer.parseInt(text.substring(i + 1, i + 3), 16));
                    i += 2;
                    continue;
                } catch (NumberFormatException e) {
                    // kept as it is
                }
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
