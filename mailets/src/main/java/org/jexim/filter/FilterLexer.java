package org.jexim.filter;

import org.jexim.conf.expand.Escapes;

/**
 * Reads an Exim filter file as filter.c does: white space and comments (nextsigchar), words
 * (nextword) and quoted strings with escapes (nextitem), counting lines for the error texts.
 * Like Exim, going back to a saved position does not undo the line count.
 */
final class FilterLexer {
    private static final int SIZE = 1024;
    private final String text;
    private int pos;
    private int line = 1;

    FilterLexer(String text) {
        this.text = text;
    }

    int line() {
        return line;
    }

    int mark() {
        return pos;
    }

    void reset(int mark) {
        pos = mark;
    }

    char peek() {
        return pos < text.length() ? text.charAt(pos) : 0;
    }

    boolean atEnd() {
        return pos >= text.length();
    }

    boolean startsWith(String s) {
        return text.startsWith(s, pos);
    }

    void skip(int n) {
        pos += n;
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r';
    }

    /** nextsigchar: skips white space and, when allowed, comments. */
    void skipSpace(boolean comments) {
        while (true) {
            while (pos < text.length() && isSpace(text.charAt(pos))) {
                if (text.charAt(pos) == '\n') {
                    line++;
                }
                pos++;
            }
            if (comments && peek() == '#') {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
                continue;
            }
            return;
        }
    }

    /** nextword: up to white space (or a bracket when {@code bracket}). */
    String word(boolean bracket) throws FilterException {
        StringBuilder b = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (isSpace(c) || c == 0 || bracket && (c == '(' || c == ')')) {
                break;
            }
            if (b.length() >= SIZE - 1) {
                throw new FilterException("word is too long in line " + line + " of filter file (max = "
                        + SIZE + " chars)");
            }
            b.append(c);
            pos++;
        }
        skipSpace(true);
        return b.toString();
    }

    /** nextitem: a word, or a quoted string with backslash escapes and continuation lines. */
    String item(boolean bracket) throws FilterException {
        if (peek() != '"') {
            return word(bracket);
        }
        StringBuilder b = new StringBuilder();
        while (++pos < text.length() && text.charAt(pos) != '"' && text.charAt(pos) != '\n') {
            if (b.length() >= SIZE - 1) {
                throw new FilterException("string is too long in line " + line + " of filter file (max = "
                        + SIZE + " chars)");
            }
            char c = text.charAt(pos);
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (pos + 1 < text.length() && isSpace(text.charAt(pos + 1))) {
                int p = pos + 1;
                while (p < text.length() && text.charAt(p) != '\n' && isSpace(text.charAt(p))) {
                    p++;
                }
                if (p < text.length() && text.charAt(p) == '\n') {
                    line++;
                    pos = p;
                    while (pos + 1 < text.length() && text.charAt(pos + 1) != '\n' && isSpace(text.charAt(pos + 1))) {
                        pos++;
                    }
                    continue;
                }
            }
            pos = Escapes.interpret(text, pos, b);
        }
        if (peek() == '"') {
            pos++;
        } else {
            throw new FilterException("quote missing at end of string in line " + line);
        }
        skipSpace(true);
        return b.toString();
    }
}
