package org.jexim.conf.lookup;

/**
 * A parsed lookup type name, as search_findtype_partial() reads it: {@code partial2(.)-},
 * the type, {@code *} or {@code *@}, and {@code ,options}.
 */
public record LookupSpec(String text, LookupType type, int partial, String affix, boolean star,
        boolean starAt, String opts) {

    /** Parses a type name against the known types; the message is Exim's. */
    public static LookupSpec parse(String name, Lookups lookups) throws LookupException {
        int pv = -1;
        String affix = null;
        int i = 0;
        if (name.startsWith("partial")) {
            i = 7;
            if (i < name.length() && Character.isDigit(name.charAt(i))) {
                pv = 0;
                while (i < name.length() && Character.isDigit(name.charAt(i))) {
                    pv = pv * 10 + name.charAt(i++) - '0';
                }
            } else {
                pv = 2;
            }
            if (i < name.length() && name.charAt(i) == '(') {
                int start = ++i;
                while (i < name.length() && isPunct(name.charAt(i)) && name.charAt(i) != ')') {
                    i++;
                }
                if (i >= name.length() || name.charAt(i) != ')') {
                    throw LookupException.open("format error in lookup type \"" + name + "\"");
                }
                affix = name.substring(start, i++);
            } else if (i < name.length() && name.charAt(i++) == '-') {
                affix = "*.";
            } else {
                throw LookupException.open("format error in lookup type \"" + name + "\"");
            }
        }
        String ss = name.substring(i);
        int len = ss.length();
        boolean star = false;
        boolean starAt = false;
        int t = ss.indexOf('*');
        int from = 0;
        if (t >= 0) {
            len = t;
            from = t;
            if (t + 1 < ss.length() && ss.charAt(t + 1) == '@') {
                starAt = true;
            } else {
                star = true;
            }
        }
        String opts = null;
        int comma = ss.indexOf(',', from);
        if (comma >= 0) {
            len = Math.min(len, comma);
            opts = ss.substring(comma + 1);
        }
        String typeName = ss.substring(0, len);
        LookupType type = lookups.type(typeName);
        if (type == null) {
            throw LookupException.open(lookups.unknownTypeMessage(typeName));
        }
        if (type.style() == LookupType.Style.QUERY) {
            if (pv >= 0) {
                throw LookupException.open("\"partial\" is not permitted for lookup type \"" + ss + "\"");
            }
            if (star || starAt) {
                throw LookupException.open("defaults using \"*\" or \"*@\" are not permitted for lookup type \""
                        + ss + "\"");
            }
        }
        return new LookupSpec(name, type, pv, affix, star, starAt, opts);
    }

    private static boolean isPunct(char c) {
        return c > 32 && c < 127 && !Character.isLetterOrDigit(c);
    }

    public boolean singleKey() {
        return type.style() == LookupType.Style.SINGLE_KEY;
    }
}
