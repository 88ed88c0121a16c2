package org.jexim.transport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.jexim.conf.translate.TranslatedDriver;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jexim.conf.expand.Expander;
import org.jexim.conf.expand.ExpansionException;

/**
 * The client side of one authenticator of the configure file, as the smtp transport uses it:
 * plaintext ({@code client_send}: the first string goes with the AUTH command, each further one
 * answers a 334 challenge; {@code ^} stands for a NUL, and $auth1... hold the challenges) and
 * cram_md5 ({@code client_name}, {@code client_secret}). Only authenticators with client options
 * take part, in configure order.
 */
final class ClientAuthenticator {
    /** The outcome of one AUTH exchange: success, a refusal (try the next), or a temporary error. */
    enum Outcome { OK, FAILED, DEFER }

    private final TranslatedDriver spec;
    private final TransportOptions options;

    private ClientAuthenticator(TranslatedDriver spec) {
        this.spec = spec;
        this.options = new TransportOptions(spec.options());
    }

    /** The authenticators that can act as clients, in configure order. */
    static List<ClientAuthenticator> clients(List<TranslatedDriver> specs) {
        List<ClientAuthenticator> out = new ArrayList<>();
        for (TranslatedDriver s : specs) {
            boolean client = switch (s.driver()) {
                case "plaintext" -> s.options().containsKey("client_send");
                case "cram_md5" -> s.options().containsKey("client_secret");
                default -> false;
            };
            if (client) {
                out.add(new ClientAuthenticator(s));
            }
        }
        return out;
    }

    String name() {
        return spec.name();
    }

    /** The mechanism name: public_name, else the authenticator's name, upper-cased as Exim compares it. */
    String mechanism() {
        return options.string("public_name", spec.name()).strip().toUpperCase(java.util.Locale.ROOT);
    }

    Outcome authenticate(SmtpConnection c, TransportVariables vars) throws IOException, ExpansionException {
        if (options.has("client_condition")) {
            String cond = Expander.expand(options.string("client_condition"), vars).strip();
            if (cond.isEmpty() || cond.equals("0") || cond.equalsIgnoreCase("no") || cond.equalsIgnoreCase("false")) {
                return Outcome.FAILED;
            }
        }
        return spec.driver().equals("plaintext") ? plaintext(c, vars) : cramMd5(c, vars);
    }

    private Outcome plaintext(SmtpConnection c, TransportVariables vars) throws IOException, ExpansionException {
        List<String> strings = splitColonList(options.string("client_send"));
        int i = 0;
        SmtpReply r;
        if (!strings.isEmpty() && !strings.get(0).isEmpty()) {
            r = c.command("AUTH " + mechanism() + " " + encode(Expander.expand(strings.get(0), vars)));
        } else {
            r = c.command("AUTH " + mechanism());
        }
        i = 1;
        int n = 1;
        while (r.code() == 334) {
            String challenge = r.lines().get(0).length() > 4 ? r.lines().get(0).substring(4) : "";
            try {
                vars.set("auth" + n++, new String(Base64.getDecoder().decode(challenge.strip()), StandardCharsets.ISO_8859_1));
            } catch (IllegalArgumentException e) {
                if (!options.bool("client_ignore_invalid_base64", false)) {
                    c.command("*");
                    return Outcome.FAILED;
                }
            }
            if (i >= strings.size()) {
                r = c.command("*");
                break;
            }
            r = c.command(encode(Expander.expand(strings.get(i++), vars)));
        }
        return outcome(r);
    }

    private Outcome cramMd5(SmtpConnection c, TransportVariables vars) throws IOException, ExpansionException {
        SmtpReply r = c.command("AUTH " + mechanism());
        if (r.code() != 334) {
            return outcome(r);
        }
        String challenge = new String(Base64.getDecoder().decode(r.lines().get(0).substring(4).strip()),
                StandardCharsets.ISO_8859_1);
        String name = Expander.expand(options.string("client_name", "$primary_hostname"), vars);
        String secret = Expander.expand(options.string("client_secret"), vars);
        String digest;
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.ISO_8859_1), "HmacMD5"));
            digest = HexFormat.of().formatHex(mac.doFinal(challenge.getBytes(StandardCharsets.ISO_8859_1)));
        } catch (GeneralSecurityException e) {
            throw new IOException("HMAC-MD5 unavailable: " + e.getMessage(), e);
        }
        return outcome(c.command(Base64.getEncoder().encodeToString((name + " " + digest)
                .getBytes(StandardCharsets.ISO_8859_1))));
    }

    private static Outcome outcome(SmtpReply r) {
        return r.code() / 100 == 2 ? Outcome.OK : r.code() / 100 == 4 ? Outcome.DEFER : Outcome.FAILED;
    }

    /** Base64 of a client_send string, with ^ as NUL and ^^ as ^ (Exim's auth_get_data rules). */
    static String encode(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '^') {
                if (i + 1 < s.length() && s.charAt(i + 1) == '^') {
                    b.append('^');
                    i++;
                } else {
                    b.append('\0');
                }
            } else {
                b.append(ch);
            }
        }
        return Base64.getEncoder().encodeToString(b.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    /** An Exim colon list (a doubled colon is a colon), items stripped; an empty item stays. */
    static List<String> splitColonList(String list) {
        List<String> items = new ArrayList<>();
        if (list == null) {
            return items;
        }
        String sep = ":";
        String s = list.strip();
        if (s.startsWith("<") && s.length() > 1 && !Character.isLetterOrDigit(s.charAt(1))) {
            sep = s.substring(1, 2);
            s = s.substring(2).strip();
        }
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            if (s.startsWith(sep, i)) {
                if (s.startsWith(sep, i + 1)) {
                    cur.append(sep);
                    i++;
                    continue;
                }
                items.add(cur.toString().strip());
                cur.setLength(0);
            } else {
                cur.append(s.charAt(i));
            }
        }
        items.add(cur.toString().strip());
        return items;
    }
}
