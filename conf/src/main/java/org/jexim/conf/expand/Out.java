package org.jexim.conf.expand;

/** An expansion result being built: the text and whether any tainted part went into it. */
public final class Out {
    private final StringBuilder text = new StringBuilder();
    private boolean tainted;

    public Out append(CharSequence s) {
        text.append(s);
        return this;
    }

    public Out append(char c) {
        text.append(c);
        return this;
    }

    /** Appends a value, carrying its taint into this result. */
    public Out append(CharSequence s, boolean sTainted) {
        text.append(s);
        tainted |= sTainted;
        return this;
    }

    public Out append(Out other) {
        text.append(other.text);
        tainted |= other.tainted;
        return this;
    }

    public void taint(boolean t) {
        tainted |= t;
    }

    public boolean tainted() {
        return tainted;
    }

    /** Cuts the text at its first NUL, as a C string ends there. */
    void endAtNul() {
        int nul = text.indexOf("\0");
        if (nul >= 0) {
            text.setLength(nul);
        }
    }

    public int length() {
        return text.length();
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
