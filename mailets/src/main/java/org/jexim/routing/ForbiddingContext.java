package org.jexim.routing;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.jexim.conf.expand.DelegatingExpansionContext;
import org.jexim.conf.expand.ExpansionContext;
import org.jexim.conf.expand.ForbiddenItem;

/**
 * The context a user filter's expansions run in: the router's, minus the items its
 * forbid_filter_* options forbid (Exim's expand_forbid, set by rda_interpret).
 */
final class ForbiddingContext extends DelegatingExpansionContext {
    private static final Map<String, ForbiddenItem> OPTIONS = Map.of(
            "forbid_filter_readfile", ForbiddenItem.READFILE,
            "forbid_filter_run", ForbiddenItem.RUN,
            "forbid_filter_lookup", ForbiddenItem.LOOKUP,
            "forbid_filter_readsocket", ForbiddenItem.READSOCKET,
            "forbid_filter_perl", ForbiddenItem.PERL,
            "forbid_filter_dlfunc", ForbiddenItem.DLFUNC,
            "forbid_filter_existstest", ForbiddenItem.EXISTS);

    private final Set<ForbiddenItem> forbidden;

    private ForbiddingContext(ExpansionContext base, Set<ForbiddenItem> forbidden) {
        super(base);
        this.forbidden = forbidden;
    }

    /** The base context itself when the router's options forbid nothing. */
    static ExpansionContext of(ExpansionContext base, Map<String, String> routerOptions) {
        Set<ForbiddenItem> forbidden = EnumSet.noneOf(ForbiddenItem.class);
        OPTIONS.forEach((option, item) -> {
            if (RouterFactory.bool(routerOptions, option, false)) {
                forbidden.add(item);
            }
        });
        return forbidden.isEmpty() ? base : new ForbiddingContext(base, Set.copyOf(forbidden));
    }

    @Override
    public Set<ForbiddenItem> forbiddenItems() {
        return forbidden;
    }
}
