package org.jexim.conf.lists;

/** C-locale case mapping, as Exim's tolower/strcmpic (bytes above 127 unchanged). */
public final class Ascii {
    private Ascii() {
    }

    public static String lower(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                char[] a = s.toCharArray();
                for (int j = i; j < a.length; j++) {
                    if (a[j] >= 'A' && a[j] <= 'Z') {
                        a[j] += 32;
                    }
                }
                return new String(a);
            }
        }
        return s;
    }

    public static String upper(String s) {
        char[] a = s.toCharArray();
        for (int j = 0; j < a.length; j++) {
            if (a[j] >= 'a' && a[j] <= 'z') {
                a[j] -= 32;
            }
        }
        return new String(a);
    }

    /** strcmpic(): caseless comparison, negative, zero or positive. */
    public static int compareIgnoreCase(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            int x = lower(a.charAt(i));
            int y = lower(b.charAt(i));
            if (x != y) {
                return x - y;
            }
        }
        return a.length() - b.length();
    }

    public static boolean equalsIgnoreCase(String a, String b) {
        return a.length() == b.length() && compareIgnoreCase(a, b) == 0;
    }

    private static int lower(char c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }

    /** strcmp() on bytes (chars 0-255). */
    public static int compare(String a, String b) {
        return a.compareTo(b);
    }
}
