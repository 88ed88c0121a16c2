package org.jexim.matchers;

import javax.inject.Inject;
import org.jexim.address.ListPrecondition;
import org.jexim.address.Precondition;
import org.jexim.runtime.JeximRuntime;

/**
 * The {@code local_parts} router precondition: matches the recipients whose local part is in
 * the (expanded) local part list; a lookup's value becomes $local_part_data. Written by the
 * translator, inside the router's And composite when there are several preconditions:
 * <pre>{@code
 * <matcher name="router-local_user" match="org.apache.james.mailetcontainer.impl.matchers.And">
 *   <matcher match="org.jexim.matchers.Domains=+local_domains"/>
 *   <matcher match="org.jexim.matchers.LocalParts=lsearch;/etc/jexim/users"/>
 * </matcher>
 * }</pre>
 */
public final class LocalParts extends PreconditionMatcher {
    @Inject
    public LocalParts(JeximRuntime runtime) {
        super(runtime);
    }

    @Override
    Precondition precondition(String list) {
        return ListPrecondition.localParts(list);
    }
}
