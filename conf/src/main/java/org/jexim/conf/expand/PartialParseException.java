package org.jexim.conf.expand;

/**
 * A syntax error met after part of an item was read, carrying a node that does that part's
 * work (a condition, a lookup) before failing: Exim, which evaluates while it parses, reports
 * failures of that work before the syntax error. Only lenient parsing (-be) uses it.
 */
public final class PartialParseException extends ExpansionException {
    private final transient Node partial;

    public PartialParseException(ExpansionException cause, Node partial) {
        super(cause.getMessage(), cause.forced());
        this.partial = partial;
    }

    public Node partial() {
        return partial;
    }
}
