package org.jexim.mime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.RawBody;
import org.apache.james.mime4j.stream.RawField;
import org.apache.james.mime4j.stream.RawFieldParser;

/**
 * Walks a message's MIME parts in Exim's order (mime.c mime_acl_check) and hands each, with
 * its {@code $mime_*} variables, to the MIME ACL: the outermost entity first, multiparts with
 * a boundary then their parts, an attached message/rfc822 after its part with
 * {@code $mime_is_rfc822} = 1 and its own part counter. The walk stops at the first part the
 * ACL does not accept. The cover-letter rule: the outermost part is a cover letter; parts of a
 * cover-letter multipart/alternative or multipart/related are too; of any other cover-letter
 * multipart only the first part is; everything inside an attachment is an attachment.
 */
public final class MimeWalker {
    private enum Context { COVERLETTER_ALL, COVERLETTER_ONESHOT, ATTACHMENT }

    private int partCount = -1;
    private boolean rfc822;

    /**
     * Walks {@code message}; {@code acl} is called per part and returns whether to go on
     * (the ACL accepted). Returns false when a part was refused. A message without a
     * Content-Type header has no MIME ACL run at all.
     */
    public static boolean walk(byte[] message, Predicate<MimePart> acl) throws IOException {
        MimeEntity root = MimeParser.parse(message);
        if (root == null || value(root, "Content-Type") == null) {
            return true;
        }
        return new MimeWalker().entity(root, null, null, acl);
    }

    /** The parts in walk order, each as if every ACL call accepted (for tests and the DATA ACL's count). */
    public static List<MimePart> parts(byte[] message) throws IOException {
        List<MimePart> out = new ArrayList<>();
        walk(message, p -> out.add(p));
        return out;
    }

    /** {@code enclosing}: the boundary of the multipart this entity is a part of (null at a message's top). */
    private boolean entity(MimeEntity e, Context[] context, String enclosing, Predicate<MimePart> acl) throws IOException {
        Map<String, String> v = variables(e);
        String type = v.get("mime_content_type");
        partCount++;
        v.put("mime_part_count", Integer.toString(partCount));
        v.put("mime_is_multipart", type.startsWith("multipart") ? "1" : "0");
        v.put("mime_is_coverletter", context != null && context[0] == Context.ATTACHMENT ? "0" : "1");
        v.put("mime_is_rfc822", rfc822 ? "1" : "0");
        if (!acl.test(new MimePart(v, e.rawBody(), e.decodedBody(), enclosing))) {
            return false;
        }
        if (type.startsWith("multipart") && !v.get("mime_boundary").isEmpty()) {
            Context[] nested = {context != null && context[0] == Context.ATTACHMENT ? Context.ATTACHMENT
                    : type.equals("multipart/alternative") || type.equals("multipart/related")
                    ? Context.COVERLETTER_ALL : Context.COVERLETTER_ONESHOT};
            for (MimeEntity child : e.children()) {
                if (!entity(child, nested, v.get("mime_boundary"), acl)) {
                    return false;
                }
                if (nested[0] == Context.COVERLETTER_ONESHOT) {
                    nested[0] = Context.ATTACHMENT;
                }
            }
        } else if (type.startsWith("message/rfc822")) {
            MimeEntity attached = MimeParser.parse(e.decodedBody());
            if (attached != null) {
                int savedCount = partCount;
                boolean savedRfc822 = rfc822;
                partCount = -1;
                rfc822 = true;
                boolean go = entity(attached, null, null, acl);
                partCount = savedCount;
                rfc822 = savedRfc822;
                return go;
            }
        }
        return true;
    }

    /** The header-derived variables of one entity, as mime.c reads its five headers and their parameters. */
    private static Map<String, String> variables(MimeEntity e) {
        Map<String, String> v = new LinkedHashMap<>();
        for (String name : List.of("mime_content_type", "mime_content_disposition", "mime_content_transfer_encoding",
                "mime_content_id", "mime_content_description", "mime_charset", "mime_boundary", "mime_filename")) {
            v.put(name, "");
        }
        v.put("mime_content_size", "0");
        v.put("mime_anomaly_level", "0");
        v.put("mime_anomaly_text", "");
        for (String[] f : e.fields()) {
            String var = switch (f[0].toLowerCase(Locale.ROOT)) {
                case "content-type" -> "mime_content_type";
                case "content-disposition" -> "mime_content_disposition";
                case "content-transfer-encoding" -> "mime_content_transfer_encoding";
                case "content-id" -> "mime_content_id";
                case "content-description" -> "mime_content_description";
                default -> null;
            };
            if (var == null) {
                continue;
            }
            String body = f[1];
            int semi = body.indexOf(';');
            v.put(var, (semi < 0 ? body : body.substring(0, semi)).strip().toLowerCase(Locale.ROOT));
            if (semi >= 0) {
                parameters(body, v);
            }
        }
        return v;
    }

    private static void parameters(String body, Map<String, String> v) {
        RawBody parsed = RawFieldParser.DEFAULT.parseRawBody(new RawField("X", body));
        Map<String, StringBuilder> continued = new LinkedHashMap<>();
        for (NameValuePair p : parsed.getParams()) {
            String name = p.getName().toLowerCase(Locale.ROOT);
            String value = p.getValue() == null ? "" : p.getValue();
            int star = name.indexOf('*');
            if (star > 0) {
                // RFC 2231: name*=charset''%xx..., possibly split as name*0*, name*1 ...
                continued.computeIfAbsent(name.substring(0, star), k -> new StringBuilder()).append(value);
                continue;
            }
            set(name, DecoderUtil.decodeEncodedWords(value, DecodeMonitor.SILENT), v);
        }
        continued.forEach((name, value) -> set(name, rfc2231(value.toString()), v));
    }

    private static void set(String param, String value, Map<String, String> v) {
        switch (param) {
            case "name", "filename" -> v.put("mime_filename", value);
            case "charset" -> v.put("mime_charset", value);
            case "boundary" -> v.put("mime_boundary", value);
            default -> {
                // other parameters have no variable
            }
        }
    }

    private static String rfc2231(String value) {
        int q1 = value.indexOf('\'');
        int q2 = q1 < 0 ? -1 : value.indexOf('\'', q1 + 1);
        String charset = q1 > 0 ? value.substring(0, q1) : "us-ascii";
        String text = q2 < 0 ? value : value.substring(q2 + 1);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length()) {
                out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        try {
            return out.toString(java.nio.charset.Charset.forName(charset));
        } catch (RuntimeException e) {
            return out.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static String value(MimeEntity e, String header) {
        for (String[] f : e.fields()) {
            if (f[0].equalsIgnoreCase(header)) {
                return f[1];
            }
        }
        return null;
    }
}
