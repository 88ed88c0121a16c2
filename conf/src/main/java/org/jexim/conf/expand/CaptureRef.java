package org.jexim.conf.expand;

/** {@code $1} / {@code ${1}}: a numbered variable set by the last regex match. */
record CaptureRef(int n) implements Node {
    @Override
    public void eval(Eval ev, Out out) {
        String v = ev.capture(n);
        if (v != null) {
            out.append(v, ev.capturesTainted());
        }
    }
}
