package org.jexim.acl;

/** Exim's string_split_message(): a user message over 75 characters is broken into lines. */
public final class SplitMessage {
    private SplitMessage() {
    }

    public static String split(String msg) {
        if (msg == null || msg.length() <= 75) {
            return msg;
        }
        char[] c = msg.toCharArray();
        int s = 0;
        int ss = 0;
        for (;;) {
            int i = 0;
            while (i < 75 && ss < c.length && c[ss] != '\n') {
                ss++;
                i++;
            }
            if (ss >= c.length) {
                break;
            }
            if (c[ss] == '\n') {
                s = ++ss;
                continue;
            }
            int t = ss + 1;
            int tt = -1;
            while (--t > s + 35) {
                if (c[t] == ' ') {
                    if (c[t - 1] == ':') {
                        tt = t;
                        break;
                    }
                    if (tt < 0) {
                        tt = t;
                    }
                }
            }
            if (tt < 0) {
                for (t = ss + 1; t < c.length; t++) {
                    if (c[t] == ' ' || c[t] == '\n') {
                        tt = t;
                        break;
                    }
                }
            }
            if (tt < 0) {
                break;
            }
            c[tt] = '\n';
            s = ss = tt + 1;
        }
        return new String(c);
    }
}
