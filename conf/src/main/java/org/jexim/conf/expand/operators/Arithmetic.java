package org.jexim.conf.expand.operators;

/** Exim's eval_expr(): 64-bit integer expressions with C operator precedence, as ${eval} computes them. */
final class Arithmetic {
    private final String s;
    private final boolean decimal;
    int p;
    String error;

    Arithmetic(String s, boolean decimal) {
        this.s = s;
        this.decimal = decimal;
    }

    private char at(int i) {
        return i < s.length() ? s.charAt(i) : 0;
    }

    private void skipWhite() {
        while (p < s.length() && org.jexim.conf.expand.ExpansionParser.isSpace(s.charAt(p))) {
            p++;
        }
    }

    long expr(boolean endket) {
        long x = or();
        if (error == null) {
            if (endket) {
                if (at(p) != ')') {
                    error = "expecting closing parenthesis";
                } else {
                    p++;
                    skipWhite();
                }
            } else if (p < s.length()) {
                error = "expecting operator";
            }
        }
        return x;
    }

    private long number() {
        skipWhite();
        char c = at(p);
        long n;
        if (c >= '0' && c <= '9') {
            n = scan();
            switch (Character.toLowerCase(at(p))) {
                case 'k' -> {
                    n *= 1024;
                    p++;
                }
                case 'm' -> {
                    n *= 1024 * 1024;
                    p++;
                }
                case 'g' -> {
                    n *= 1024L * 1024 * 1024;
                    p++;
                }
                default -> {
                }
            }
            skipWhite();
        } else if (c == '(') {
            p++;
            n = expr(true);
        } else {
            error = "expecting number or opening parenthesis";
            n = 0;
        }
        return n;
    }

    /** sscanf %lli (0x hex, 0 octal) or %lld, saturating on overflow. */
    private long scan() {
        int radix = 10;
        if (!decimal && at(p) == '0') {
            if (at(p + 1) == 'x' || at(p + 1) == 'X') {
                // glibc's scanf takes "0x" even when no hex digit follows (the value is then 0)
                radix = 16;
                p += 2;
            } else {
                radix = 8;
            }
        }
        long v = 0;
        boolean overflow = false;
        while (p < s.length()) {
            char c = s.charAt(p);
            int d = c < 128 ? Character.digit(c, radix) : -1;
            if (d < 0) {
                break;
            }
            if (v > (Long.MAX_VALUE - d) / radix) {
                overflow = true;
            } else {
                v = v * radix + d;
            }
            p++;
        }
        return overflow ? Long.MAX_VALUE : v;
    }

    private long unary() {
        skipWhite();
        char c = at(p);
        if (c == '+' || c == '-' || c == '~') {
            p++;
            long x = unary();
            return c == '-' ? -x : c == '~' ? ~x : x;
        }
        return number();
    }

    private long mult() {
        long x = unary();
        if (error == null) {
            while (at(p) == '*' || at(p) == '/' || at(p) == '%') {
                char op = s.charAt(p++);
                long y = unary();
                if (error != null) {
                    break;
                }
                if (y == -1 && x == Long.MIN_VALUE && op != '*') {
                    x = Long.MAX_VALUE;
                    continue;
                }
                if (op == '*') {
                    x *= y;
                } else {
                    if (y == 0) {
                        error = op == '/' ? "divide by zero" : "modulo by zero";
                        x = 0;
                        break;
                    }
                    x = op == '/' ? x / y : x % y;
                }
            }
        }
        return x;
    }

    private long sum() {
        long x = mult();
        if (error == null) {
            while (at(p) == '+' || at(p) == '-') {
                char op = s.charAt(p++);
                long y = mult();
                if (error != null) {
                    break;
                }
                long half = Long.MAX_VALUE / 2;
                // Exim's (over-conservative, and lopsided) overflow check, kept as is
                if (x >= half || (x <= -half && y <= -half)) {
                    error = op == '+' ? "overflow in sum" : "overflow in difference";
                    break;
                }
                x = op == '+' ? x + y : x - y;
            }
        }
        return x;
    }

    private long shift() {
        long x = sum();
        if (error == null) {
            while ((at(p) == '<' || at(p) == '>') && at(p + 1) == at(p)) {
                char op = s.charAt(p);
                p += 2;
                long y = sum();
                if (error != null) {
                    break;
                }
                x = op == '<' ? x << y : x >> y;
            }
        }
        return x;
    }

    private long and() {
        long x = shift();
        if (error == null) {
            while (at(p) == '&') {
                p++;
                long y = shift();
                if (error != null) {
                    break;
                }
                x &= y;
            }
        }
        return x;
    }

    private long xor() {
        long x = and();
        if (error == null) {
            while (at(p) == '^') {
                p++;
                long y = and();
                if (error != null) {
                    break;
                }
                x ^= y;
            }
        }
        return x;
    }

    private long or() {
        long x = xor();
        if (error == null) {
            while (at(p) == '|') {
                p++;
                long y = xor();
                if (error != null) {
                    break;
                }
                x |= y;
            }
        }
        return x;
    }
}
