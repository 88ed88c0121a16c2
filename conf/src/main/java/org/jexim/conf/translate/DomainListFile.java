package org.jexim.conf.translate;

import java.util.Optional;
import org.jexim.conf.model.ListKind;
import org.jexim.conf.model.NamedList;

/**
 * domainlist.xml: James's own list of local domains, from the plain domains of
 * {@code domainlist local_domains}. jexim's matchers match the Exim list itself; James uses
 * this one for its own checks (for example the postmaster's domain).
 */
final class DomainListFile {
    private final TranslationContext context;

    DomainListFile(TranslationContext context) {
        this.context = context;
    }

    XmlElement build() {
        XmlElement root = new XmlElement("domainlist");
        Optional<NamedList> local = context.configuration().namedList(ListKind.DOMAIN, "local_domains");
        Optional<String> primary = context.mainText("primary_hostname");
        boolean autodetect = false;
        XmlElement names = new XmlElement("domainnames");
        String first = null;
        if (local.isPresent()) {
            names.comment(context.origin(local.get().location()));
            for (String item : ListSplitter.items(local.get().value())) {
                String domain = item;
                if (item.equals("@")) {
                    if (primary.isEmpty()) {
                        autodetect = true;
                        continue;
                    }
                    domain = primary.get();
                }
                if (!domain.matches("[A-Za-z0-9][A-Za-z0-9.-]*")) {
                    names.comment("\"" + item + "\" is matched by jexim's list matching only");
                    continue;
                }
                names.leaf("domainname", domain.toLowerCase(java.util.Locale.ROOT));
                first = first == null ? domain.toLowerCase(java.util.Locale.ROOT) : first;
            }
        } else {
            names.comment("no domainlist local_domains in the configure file");
        }
        root.leaf("autodetect", Boolean.toString(autodetect));
        root.leaf("autodetectIP", "false");
        root.leaf("defaultDomain", first == null ? "localhost" : first);
        root.add(names);
        return root;
    }
}
