package org.jexim.matchers;

import javax.inject.Inject;
import org.jexim.address.ListPrecondition;
import org.jexim.address.Precondition;
import org.jexim.runtime.JeximRuntime;

/**
 * The {@code domains} router precondition: matches the recipients whose domain is in the
 * (expanded) domain list; a lookup's value becomes $domain_data. Written by the translator:
 * <pre>{@code
 * <mailet match="org.jexim.matchers.Domains=! +local_domains" class="org.jexim.mailets.Router">
 * }</pre>
 */
public final class Domains extends PreconditionMatcher {
    @Inject
    public Domains(JeximRuntime runtime) {
        super(runtime);
    }

    @Override
    Precondition precondition(String list) {
        return ListPrecondition.domains(list);
    }
}
