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
import org.apache.mailet.Mail;
import org.jexim.conf.text.XText;
import org.jexim.mailets.OriginalRecipients;

/**
 * A message's DSN requests as Exim's -H file keeps them (spool_out.c): {@code -dsn_envid} and
 * {@code -dsn_ret} (1 FULL, 2 HDRS) lines, and after the address of a recipient with NOTIFY flags
 * {@code " orcpt len,flags errors_to len,pno#3"} with Exim's NOTIFY bits (NEVER 2, SUCCESS 4,
 * FAILURE 8, DELAY 16) and the ORCPT text as the client gave it; a recipient without flags is the
 * bare address, its ORCPT dropped, as Exim drops it. Read back for a spool exim4 wrote.
 */
final class SpoolDsn {
    private static final Pattern DATA = Pattern.compile(" (.*) (\\d+),(\\d+) (\\S*) (\\d+),(-?\\d+)#3");
    private static final Map<DsnParameters.Notify, Integer> BITS = Map.of(DsnParameters.Notify.NEVER, 2,
        DsnParameters.Notify.SUCCESS, 4, DsnParameters.Notify.FAILURE, 8, DsnParameters.Notify.DELAY, 16);

    private SpoolDsn() {
    }

    /** The text after each recipient's address that has NOTIFY flags, as Exim writes it. */
    static Map<String, String> recipientData(Mail mail, List<String> recipients) {
        Map<String, String> data = new LinkedHashMap<>();
        Optional<DsnParameters> dsn = mail.dsnParameters();
        if (dsn.isEmpty()) {
            return data;
        }
        Map<String, String> given = OriginalRecipients.of(mail);
        for (String r : recipients) {
            DsnParameters.RecipientDsnParameters p = address(r).map(a -> dsn.get().getRcptParameters().get(a)).orElse(null);
            int flags = p == null ? 0 : p.getNotifyParameter().map(n -> n.stream().mapToInt(BITS::get).sum()).orElse(0);
            if (flags == 0) {
                continue;
            }
            String orcpt = Optional.ofNullable(given.get(r)).orElseGet(() -> p.getOrcptParameter()
                .map(a -> DsnParameters.RFC_822_PREFIX + XText.encode(a.asString())).orElse(""));
            data.put(r, " " + orcpt + " " + orcpt.length() + "," + flags + "  0,-1#3");
        }
        return data;
    }

    /** The requests the -H file records, with each ORCPT's text as written. */
    static MessageDsn read(SpoolHeader h) {
        Map<MailAddress, DsnParameters.RecipientDsnParameters> rcpts = new LinkedHashMap<>();
        Map<String, String> orcpts = new LinkedHashMap<>();
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
            String orcpt = m.group(1);
            if (!orcpt.isEmpty()) {
                orcpts.put(address, orcpt);
            }
            Optional<MailAddress> orcptAddress = Optional.of(orcpt).filter(o -> o.regionMatches(true, 0, "rfc822;", 0, 7))
                .flatMap(o -> address(XText.decodeLenient(o.substring(7))));
            address(address).ifPresent(a -> DsnParameters.RecipientDsnParameters.of(
                notify.isEmpty() ? Optional.empty() : Optional.of(notify), orcptAddress).ifPresent(p -> rcpts.put(a, p)));
        });
        Optional<DsnParameters.Ret> ret = h.option("dsn_ret").map(v -> v.equals("1") ? DsnParameters.Ret.FULL
            : v.equals("2") ? DsnParameters.Ret.HDRS : null);
        return new MessageDsn(DsnParameters.of(h.option("dsn_envid").map(DsnParameters.EnvId::of), ret,
            com.google.common.collect.ImmutableMap.copyOf(rcpts)), Map.copyOf(orcpts));
    }

    private static Optional<MailAddress> address(String text) {
        try {
            return Optional.of(new MailAddress(text));
        } catch (javax.mail.internet.AddressException e) {
            return Optional.empty();
        }
    }
}
