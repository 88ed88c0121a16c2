package org.jexim.transport;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.james.jdkim.DKIMSigner;
import org.apache.james.jdkim.exceptions.FailException;
import org.jexim.conf.expand.Expander;
import org.jexim.conf.expand.ExpansionException;

/**
 * The smtp transport's DKIM signing with Apache jDKIM: for each domain of {@code dkim_domain}
 * and each selector of {@code dkim_selector}, a DKIM-Signature header on top of the message,
 * signed with {@code dkim_private_key} (a file when it starts with a slash, else the PEM text;
 * empty, "0" or "false": no signature), canonicalization {@code dkim_canon} (relaxed by default),
 * the headers of {@code dkim_sign_headers} (Exim's default list) that the message has.
 */
final class DkimSigner {
    /** Exim 4.96's default dkim_sign_headers, without its oversigning marks. */
    static final String DEFAULT_HEADERS = "From:Sender:Reply-To:Subject:Date:Message-ID:To:Cc:MIME-Version:Content-Type:"
            + "Content-Transfer-Encoding:Content-ID:Content-Description:Resent-Date:Resent-From:Resent-Sender:"
            + "Resent-To:Resent-Cc:Resent-Message-ID:In-Reply-To:References:List-Id:List-Help:List-Unsubscribe:"
            + "List-Subscribe:List-Post:List-Owner:List-Archive";

    private final TransportOptions options;
    private final String transport;

    DkimSigner(TransportOptions options, String transport) {
        this.options = options;
        this.transport = transport;
    }

    /** The message (LF lines) with its signatures on top; unchanged when dkim_domain is unset or empty. */
    byte[] sign(byte[] lfMessage, TransportVariables vars) throws ExpansionException, IOException {
        String domains = options.has("dkim_domain") ? Expander.expand(options.string("dkim_domain"), vars).strip() : "";
        if (domains.isEmpty()) {
            return lfMessage;
        }
        String keyText = Expander.expand(options.string("dkim_private_key", ""), vars).strip();
        if (keyText.isEmpty() || keyText.equals("0") || keyText.equalsIgnoreCase("false")) {
            return lfMessage;
        }
        PrivateKey key;
        try {
            Path file = keyText.startsWith("/") ? Path.of(keyText) : writeTemp(keyText);
            key = TlsClient.privateKey(file);
        } catch (GeneralSecurityException e) {
            throw new IOException("DKIM: signing failed: " + e.getMessage(), e);
        }
        String canon = options.has("dkim_canon") ? Expander.expand(options.string("dkim_canon"), vars).strip() : "relaxed";
        canon = canon.isEmpty() ? "relaxed" : canon;
        String hash = options.string("dkim_hash", "sha256").strip();
        String headerList = options.has("dkim_sign_headers") ? Expander.expand(options.string("dkim_sign_headers"), vars)
                : DEFAULT_HEADERS;
        String headers = String.join(":", present(lfMessage, headerList));
        byte[] crlf = SmtpSession.crlf(lfMessage);
        List<String> signatures = new ArrayList<>();
        for (String domain : ClientAuthenticator.splitColonList(domains)) {
            for (String selector : ClientAuthenticator.splitColonList(Expander.expand(options.string("dkim_selector", ""), vars))) {
                if (domain.isEmpty() || selector.isEmpty()) {
                    continue;
                }
                String template = "v=1; a=rsa-" + hash + "; c=" + canon + "/" + canon + "; d=" + domain + "; s=" + selector
                        + "; h=" + headers + "; bh=; b=;";
                try {
                    signatures.add(new DKIMSigner(template, key).sign(new ByteArrayInputStream(crlf)));
                } catch (FailException e) {
                    throw new IOException("DKIM: signing failed for " + domain + " in " + transport + " transport: "
                            + e.getMessage(), e);
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(lfMessage.length + 600 * signatures.size());
        for (String s : signatures) {
            out.write((s.replace("\r\n", "\n") + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        out.write(lfMessage);
        return out.toByteArray();
    }

    /** The names of {@code list} that occur in the message's header, lower-cased, in list order. */
    static List<String> present(byte[] lf, String list) {
        Set<String> have = new LinkedHashSet<>();
        String text = new String(lf, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\n\n");
        for (String line : (end < 0 ? text : text.substring(0, end)).split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.charAt(0) != ' ' && line.charAt(0) != '\t') {
                have.add(line.substring(0, colon).strip().toLowerCase(Locale.ROOT));
            }
        }
        List<String> out = new ArrayList<>();
        for (String h : ClientAuthenticator.splitColonList(list)) {
            String n = h.replaceFirst("^[=+]", "").toLowerCase(Locale.ROOT);
            if (!n.isEmpty() && have.contains(n) && !out.contains(n)) {
                out.add(n);
            }
        }
        return out;
    }

    private static Path writeTemp(String pem) throws IOException {
        Path f = Files.createTempFile("jexim-dkim", ".pem");
        f.toFile().deleteOnExit();
        Files.writeString(f, pem, StandardCharsets.US_ASCII);
        return f;
    }
}
