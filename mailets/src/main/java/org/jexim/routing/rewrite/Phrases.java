package org.jexim.routing.rewrite;

/**
 * Exim's parse_fix_phrase for printable text: the phrase around an address a {@code w} rule
 * produced is quoted where RFC 2822 needs it, so the rewritten header stays valid.
 */
final class Phrases {
    private static final String SPECIALS = ")<>@,;:\\.[]";

    private Phrases() {
    }

    static String fix(String phrase) {
        int from = 0;
        while (from < phrase.length() && Character.isWhitespace(phrase.charAt(from))) {
            from++;
        }
        String s = phrase.substring(from);
        int len = s.length();
        if (len == 0) {
            return "";
        }
        StringBuilder t = new StringBuilder();
        boolean quoted = false;
        boolean openQuote = false; // Exim's *(--yield) = '"': a quote before everything so far
        int i = 0;
        while (i < len) {
            char ch = s.charAt(i++);
            if (ch == '"') {
                t.append('"');
                while (i < len && (ch = s.charAt(i++)) != '"') {
                    t.append(ch);
                    if (ch == '\\' && i < len) {
                        t.append(s.charAt(i++));
                    }
                }
                t.append('"');
                if (i >= len) {
                    break;
                }
                quoted = true;
            } else if (ch == '(') {
                int level = 1;
                t.append('(');
                while (i < len) {
                    ch = s.charAt(i++);
                    t.append(ch);
                    if (ch == '(') {
                        level++;
                    } else if (ch == ')') {
                        if (--level <= 0) {
                            break;
                        }
                    } else if (ch == '\\' && i < len) {
                        t.append((char) (s.charAt(i++) & 127));
                    } else if (ch == '"') {
                        quoted = true;
                    }
                }
            } else if (SPECIALS.indexOf(ch) >= 0) {
                if (quoted) {
                    int tt = t.length() - 1;
                    while (tt >= 0 && t.charAt(tt) != ' ' && t.charAt(tt) != '"' && t.charAt(tt) != ')') {
                        tt--;
                    }
                    t.insert(tt + 1, '"');
                    t.append(ch);
                    while (i < len) {
                        ch = s.charAt(i++);
                        if (ch == ' ' || ch == '"') {
                            i--;
                            break;
                        }
                        t.append(ch);
                    }
                    t.append('"');
                } else {
                    boolean escaped = ch == '\\';
                    openQuote = true;
                    t.append(ch);
                    while (i < len) {
                        ch = s.charAt(i++);
                        if (escaped) {
                            t.append(ch);
                            escaped = false;
                        } else if (ch == '\\') {
                            t.append(ch);
                            escaped = true;
                        } else if (ch == '"') {
                            closeBeforeSpaces(t);
                            i--;
                            break;
                        } else if (ch == '(') {
                            int ss = i;
                            int level = 1;
                            while (ss < len) {
                                char c = s.charAt(ss++);
                                if (c == '(') {
                                    level++;
                                } else if (c == ')') {
                                    if (--level <= 0) {
                                        break;
                                    }
                                } else if (c == '\\' && ss + 1 < len) {
                                    ss++;
                                } else if (c == '"') {
                                    quoted = true;
                                    break;
                                }
                            }
                            if (quoted) {
                                closeBeforeSpaces(t);
                                break;
                            }
                            if (ss >= len) {
                                ss--;
                            }
                            t.append('(');
                            if (ss > i) {
                                t.append(s, i, ss);
                                i = ss;
                            }
                        } else {
                            t.append(ch);
                        }
                    }
                    if (i >= len) {
                        t.append('"');
                    }
                }
            } else {
                t.append(ch);
            }
        }
        return openQuote ? "\"" + t : t.toString();
    }

    private static void closeBeforeSpaces(StringBuilder t) {
        int count = 0;
        while (t.length() > 0 && t.charAt(t.length() - 1) == ' ') {
            t.setLength(t.length() - 1);
            count++;
        }
        t.append('"').append(" ".repeat(count));
    }
}
