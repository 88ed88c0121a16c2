package org.jexim.conf.expand;

/** {@code $h_NAME:} and its raw ({@code $rh_}), list ({@code $lh_}) and undecoded ({@code $bh_}) forms. */
record HeaderRef(String header, HeaderKind kind) implements Node {
    /** Returns a header reference when {@code name} starts like one, reading the rest of the header name. */
    public static HeaderRef forName(String name, ExpansionParser p) {
        HeaderKind kind = kindOf(name);
        if (kind == null) {
            return null;
        }
        String header = readHeaderName(name, p);
        return new HeaderRef(header, kind);
    }

    static HeaderKind kindOf(String name) {
        int t = 0;
        char c0 = name.charAt(0);
        if (c0 != 'h') {
            if ((c0 == 'r' || c0 == 'l' || c0 == 'b') && name.length() > 1 && name.charAt(1) == 'h') {
                t = 1;
            } else {
                return null;
            }
        }
        String after = name.substring(t + 1);
        if (!after.startsWith("_") && !after.startsWith("eader_")) {
            return null;
        }
        return switch (c0) {
            case 'r' -> HeaderKind.RAW;
            case 'l' -> HeaderKind.LIST;
            case 'b' -> HeaderKind.BODY_CHARSET_FREE;
            default -> HeaderKind.DECODED;
        };
    }

    /** Exim's read_header_name(): the name ends at white space or ':' (swallowed), and gets a ':'. */
    static String readHeaderName(String name, ExpansionParser p) {
        StringBuilder b = new StringBuilder(name.substring(name.indexOf('_') + 1));
        while (true) {
            char c = p.peek();
            if (c > 32 && c < 127 && c != ':') {
                b.append(c);
                p.next();
            } else {
                break;
            }
        }
        if (p.peek() == ':') {
            p.next();
        }
        if (b.indexOf("}") >= 0) {
            p.setMalformedHeader();
        }
        return b.append(':').toString();
    }

    @Override
    public void eval(Eval ev, Out out) {
        ev.context().header(header.substring(0, header.length() - 1), kind).ifPresent(v -> out.append(v, true));
    }
}
