package org.jexim.conf.expand.operators;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.expand.Printing;

/** from_utf8, utf8clean, utf8_domain_to_alabel and its three siblings. */
final class Utf8Operators {
    private Utf8Operators() {
    }

    static void register(Map<String, Operator> m) {
        m.put("from_utf8", (ev, name, arg, in, out) -> {
            StringBuilder b = new StringBuilder();
            String s = in.toString();
            int i = 0;
            while (i < s.length()) {
                int c = s.charAt(i++) & 0xff;
                if (c >= 0xc0) {
                    int extra;
                    if ((c & 0x20) == 0) {
                        extra = 1;
                        c &= 0x1f;
                    } else if ((c & 0x10) == 0) {
                        extra = 2;
                        c &= 0x0f;
                    } else if ((c & 0x08) == 0) {
                        extra = 3;
                        c &= 0x07;
                    } else if ((c & 0x04) == 0) {
                        extra = 4;
                        c &= 0x03;
                    } else {
                        extra = 5;
                        c &= 0x01;
                    }
                    for (int k = 0; k < extra && i < s.length(); k++) {
                        c = (c << 6) | (s.charAt(i++) & 0x3f);
                    }
                }
                b.append((char) (c > 255 ? '_' : c));
            }
            out.append(b, in.tainted());
        });
        m.put("utf8clean", (ev, name, arg, in, out) -> out.append(clean(in.toString()), in.tainted()));
        m.put("utf8_domain_to_alabel", (ev, name, arg, in, out) -> out.append(domainToA(in.toString()), in.tainted()));
        m.put("utf8_domain_from_alabel", (ev, name, arg, in, out) -> out.append(domainFromA(in.toString()), in.tainted()));
        m.put("utf8_localpart_to_alabel", (ev, name, arg, in, out) -> {
            String s = in.toString();
            String u = new String(bytes(s), StandardCharsets.UTF_8);
            out.append(u.chars().allMatch(c -> c < 128) ? s : "xn--" + Punycode.encode(u), in.tainted());
        });
        m.put("utf8_localpart_from_alabel", (ev, name, arg, in, out) -> {
            String s = in.toString();
            if (!s.startsWith("xn--")) {
                out.append(s, in.tainted());
                return;
            }
            String u = Punycode.decode(s.substring(4));
            if (u == null) {
                throw new ExpansionException("error converting alabel (" + Printing.printing(s) + ") to utf8: bad punycode");
            }
            out.append(latin1(u), in.tainted());
        });
    }

    static byte[] bytes(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String latin1(String unicode) {
        return new String(unicode.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    private static String domainToA(String s) throws ExpansionException {
        try {
            return IDN.toASCII(new String(bytes(s), StandardCharsets.UTF_8), IDN.ALLOW_UNASSIGNED).toLowerCase();
        } catch (IllegalArgumentException e) {
            throw new ExpansionException("error converting utf8 (" + Printing.printing(s) + ") to alabel: " + e.getMessage());
        }
    }

    private static String domainFromA(String s) throws ExpansionException {
        try {
            return latin1(IDN.toUnicode(s, IDN.ALLOW_UNASSIGNED));
        } catch (IllegalArgumentException e) {
            throw new ExpansionException("error converting alabel (" + Printing.printing(s) + ") to utf8: " + e.getMessage());
        }
    }

    /** Exim's utf8clean: invalid sequences become '?'. */
    static String clean(String s) {
        StringBuilder out = new StringBuilder();
        int bytesLeft = 0;
        long codepoint = -1;
        int seqLen = 0;
        StringBuilder seq = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            int complete = 0;
            int c = s.charAt(i) & 0xff;
            if (bytesLeft > 0) {
                if ((c & 0xc0) != 0x80) {
                    complete = 1;
                } else {
                    codepoint = (codepoint << 6) | (c & 0x3f);
                    seq.append((char) c);
                    if (--bytesLeft == 0) {
                        if (codepoint > 0x10FFFF || (codepoint & 0x1FF800) == 0xD800) {
                            // too large (RFC 3629), or a UTF-16 surrogate: not UTF-8
                            complete = -1;
                        } else {
                            out.append(seq, 0, Math.min(seqLen, seq.length()));
                            seq.setLength(0);
                        }
                    }
                }
            } else {
                if ((c & 0x80) == 0) {
                    out.append((char) c);
                    continue;
                }
                if ((c & 0xe0) == 0xc0) {
                    if (c == 0xc0 || c == 0xc1) {
                        complete = -1;
                    } else {
                        bytesLeft = 1;
                        codepoint = c & 0x1f;
                    }
                } else if ((c & 0xf0) == 0xe0) {
                    bytesLeft = 2;
                    codepoint = c & 0x0f;
                } else if ((c & 0xf8) == 0xf0) {
                    bytesLeft = 3;
                    codepoint = c & 0x07;
                } else {
                    complete = -1;
                }
                seq.setLength(0);
                seq.append((char) c);
                seqLen = bytesLeft + 1;
            }
            if (complete != 0) {
                bytesLeft = 0;
                seq.setLength(0);
                out.append('?');
            }
            if (complete == 1 && (c & 0x80) == 0) {
                out.append((char) c);
            }
        }
        if (bytesLeft != 0) {
            out.append('?');
        }
        return out.toString();
    }
}
