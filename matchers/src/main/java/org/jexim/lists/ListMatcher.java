package org.jexim.lists;

import java.util.Optional;
import org.jexim.conf.lists.ListEnv;
import org.jexim.conf.lists.Lists;
import org.jexim.conf.model.ListKind;

/**
 * Matches a value against an Exim list of one kind, for the ACL conditions and router
 * preconditions: a thin adapter over the shared list engine ({@link Lists}, in conf), with the
 * named lists and primary host name of the running configuration. A match that cannot be
 * decided (unknown named list, failed lookup) is a {@link ListException}: Exim defers.
 */
public final class ListMatcher {
    private final ListKind kind;
    private final ListEnv env;

    private ListMatcher(ListKind kind, ListContext context) {
        this.kind = kind;
        this.env = ListEnv.of(context::namedList, context.primaryHostname());
    }

    public static ListMatcher domains(ListContext context) {
        return new ListMatcher(ListKind.DOMAIN, context);
    }

    public static ListMatcher localParts(ListContext context) {
        return new ListMatcher(ListKind.LOCAL_PART, context);
    }

    /** Address lists (senders, recipients): matched caselessly, as Exim's ACLs do. */
    public static ListMatcher addresses(ListContext context) {
        return new ListMatcher(ListKind.ADDRESS, context);
    }

    public static ListMatcher hosts(ListContext context) {
        return new ListMatcher(ListKind.HOST, context);
    }

    /**
     * Matches {@code value} against {@code list}. For host lists the value is the client's IP
     * address, null for a local submission (which the empty item matches); for the others null
     * (no domain or local part yet) matches nothing.
     */
    public ListMatch match(String list, String value) throws ListException {
        org.jexim.conf.lists.ListMatch m;
        switch (kind) {
            case HOST -> m = Lists.host(value == null ? "" : value, null, list, env);
            case DOMAIN -> {
                if (value == null) {
                    return ListMatch.NO;
                }
                m = Lists.domain(value, list, env);
            }
            case LOCAL_PART -> {
                if (value == null) {
                    return ListMatch.NO;
                }
                m = Lists.localPart(value, list, env, true);
            }
            case ADDRESS -> {
                if (value == null) {
                    return ListMatch.NO;
                }
                m = Lists.address(value, list, env, true);
            }
            default -> throw new ListException("no list matching for " + kind.keyword());
        }
        if (m.deferred()) {
            throw new ListException("unable to complete match against \"" + list + "\""
                    + (m.error() == null || m.error().isEmpty() ? "" : ": " + m.error()));
        }
        return m.matched() ? new ListMatch(true, Optional.ofNullable(m.value())) : ListMatch.NO;
    }
}
