package org.jexim.transport;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
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
import org.apache.james.jdkim.impl.BodyHasherImpl;
import org.apache.james.jdkim.impl.Message;
import org.apache.james.mime4j.MimeException;
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

    /**
     * The DKIM-Signature headers (LF lines) for the message, in one streaming pass over it; none
     * when dkim_domain is unset or empty.
     */
    List<String> sign(LocalMessage message, TransportVariables vars) throws ExpansionException, IOException {
        String domains = options.has("dkim_domain") ? Expander.expand(options.string("dkim_domain"), vars).strip() : "";
        if (domains.isEmpty()) {
            return List.of();
        }
        String keyText = Expander.expand(options.string("dkim_private_key", ""), vars).strip();
        if (keyText.isEmpty() || keyText.equals("0") || keyText.equalsIgnoreCase("false")) {
            return List.of();
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
        List<String> templates = new ArrayList<>();
        List<String> signing = new ArrayList<>();
        for (String domain : ClientAuthenticator.splitColonList(domains)) {
            for (String selector : ClientAuthenticator.splitColonList(Expander.expand(options.string("dkim_selector", ""), vars))) {
                if (!domain.isEmpty() && !selector.isEmpty()) {
                    templates.add("v=1; a=rsa-" + hash + "; c=" + canon + "/" + canon + "; d=" + domain + "; s=" + selector
                            + "; h=%s; bh=; b=;");
                    signing.add(domain);
                }
            }
        }
        // the body is hashed as it streams by; h= (the headers present) is known only after the pass
        List<BodyHasherImpl> hashers = new ArrayList<>();
        try {
            for (String t : templates) {
                String provisional = String.format(t, "from");
                DKIMSigner signer = new DKIMSigner(provisional, key);
                hashers.add((BodyHasherImpl) signer.newBodyHasher(signer.newSignatureRecordTemplate(provisional)));
            }
        } catch (FailException e) {
            throw new IOException("DKIM: signing failed in " + transport + " transport: " + e.getMessage(), e);
        }
        List<OutputStream> bodies = hashers.stream().map(BodyHasherImpl::getOutputStream).toList();
        HeaderSplitStage split = new HeaderSplitStage(new Tee(bodies));
        try (StreamStage crlf = new LfStage(new CrlfStage(split, true), true)) {
            message.writeTo(crlf);
        }
        for (OutputStream o : bodies) {
            o.close(); // the canonicalizers write their last bytes on close
        }
        byte[] header = split.sawBody() ? split.header()
                : (new String(split.header(), StandardCharsets.ISO_8859_1) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        String headers = String.join(":", present(header, headerList));
        List<String> signatures = new ArrayList<>();
        for (int i = 0; i < templates.size(); i++) {
            String template = String.format(templates.get(i), headers);
            try {
                DKIMSigner signer = new DKIMSigner(template, key);
                hashers.get(i).setSignatureRecord(signer.newSignatureRecordTemplate(template));
                Message parsed = new Message(new ByteArrayInputStream(header));
                try {
                    signatures.add(signer.sign(parsed, hashers.get(i)).replace("\r\n", "\n") + "\n");
                } finally {
                    parsed.dispose();
                }
            } catch (FailException | MimeException e) {
                throw new IOException("DKIM: signing failed for " + signing.get(i) + " in " + transport + " transport: "
                        + e.getMessage(), e);
            }
        }
        return signatures;
    }

    /** The names of {@code list} that occur in the message's header, lower-cased, in list order. */
    static List<String> present(byte[] header, String list) {
        Set<String> have = new LinkedHashSet<>();
        String text = new String(header, StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
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

    /** The same bytes to every body hasher. */
    private static final class Tee extends OutputStream {
        private final List<OutputStream> outs;

        Tee(List<OutputStream> outs) {
            this.outs = outs;
        }

        @Override
        public void write(int b) throws IOException {
            for (OutputStream o : outs) {
                o.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (OutputStream o : outs) {
                o.write(b, off, len);
            }
        }
    }

    private static Path writeTemp(String pem) throws IOException {
        Path f = Files.createTempFile("jexim-dkim", ".pem");
        f.toFile().deleteOnExit();
        Files.writeString(f, pem, StandardCharsets.US_ASCII);
        return f;
    }
}
