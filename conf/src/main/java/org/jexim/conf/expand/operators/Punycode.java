package org.jexim.conf.expand.operators;

/** RFC 3492 Punycode, for the utf8 local part A-label operators. */
final class Punycode {
    private static final int BASE = 36;
    private static final int TMIN = 1;
    private static final int TMAX = 26;
    private static final int SKEW = 38;
    private static final int DAMP = 700;
    private static final int INITIAL_BIAS = 72;
    private static final int INITIAL_N = 128;

    private Punycode() {
    }

    private static int adapt(int delta, int numpoints, boolean first) {
        delta = first ? delta / DAMP : delta / 2;
        delta += delta / numpoints;
        int k = 0;
        while (delta > ((BASE - TMIN) * TMAX) / 2) {
            delta /= BASE - TMIN;
            k += BASE;
        }
        return k + (BASE - TMIN + 1) * delta / (delta + SKEW);
    }

    private static char digit(int d) {
        return (char) (d < 26 ? 'a' + d : '0' + d - 26);
    }

    static String encode(String input) {
        int[] cps = input.codePoints().toArray();
        StringBuilder out = new StringBuilder();
        for (int c : cps) {
            if (c < 128) {
                out.append((char) c);
            }
        }
        int b = out.length();
        int h = b;
        if (b > 0) {
            out.append('-');
        }
        int n = INITIAL_N;
        int delta = 0;
        int bias = INITIAL_BIAS;
        while (h < cps.length) {
            int m = Integer.MAX_VALUE;
            for (int c : cps) {
                if (c >= n && c < m) {
                    m = c;
                }
            }
            delta += (m - n) * (h + 1);
            n = m;
            for (int c : cps) {
                if (c < n) {
                    delta++;
                }
                if (c == n) {
                    int q = delta;
                    for (int k = BASE;; k += BASE) {
                        int t = k <= bias ? TMIN : k >= bias + TMAX ? TMAX : k - bias;
                        if (q < t) {
                            break;
                        }
                        out.append(digit(t + (q - t) % (BASE - t)));
                        q = (q - t) / (BASE - t);
                    }
                    out.append(digit(q));
                    bias = adapt(delta, h + 1, h == b);
                    delta = 0;
                    h++;
                }
            }
            delta++;
            n++;
        }
        return out.toString();
    }

    /** Decodes; null when malformed. */
    static String decode(String input) {
        int n = INITIAL_N;
        int i = 0;
        int bias = INITIAL_BIAS;
        StringBuilder out = new StringBuilder();
        int d = input.lastIndexOf('-');
        java.util.List<Integer> cps = new java.util.ArrayList<>();
        if (d > 0) {
            for (int j = 0; j < d; j++) {
                if (input.charAt(j) >= 128) {
                    return null;
                }
                cps.add((int) input.charAt(j));
            }
        }
        int p = d > 0 ? d + 1 : 0;
        while (p < input.length()) {
            int oldi = i;
            int w = 1;
            for (int k = BASE;; k += BASE) {
                if (p >= input.length()) {
                    return null;
                }
                char c = input.charAt(p++);
                int digit = c >= 'a' && c <= 'z' ? c - 'a' : c >= 'A' && c <= 'Z' ? c - 'A' : c >= '0' && c <= '9' ? c - '0' + 26 : -1;
                if (digit < 0) {
                    return null;
                }
                i += digit * w;
                int t = k <= bias ? TMIN : k >= bias + TMAX ? TMAX : k - bias;
                if (digit < t) {
                    break;
                }
                w *= BASE - t;
            }
            bias = adapt(i - oldi, cps.size() + 1, oldi == 0);
            n += i / (cps.size() + 1);
            i %= cps.size() + 1;
            cps.add(i, n);
            i++;
        }
        for (int c : cps) {
            out.appendCodePoint(c);
        }
        return out.toString();
    }
}
