package org.jexim.conf.translate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jexim.conf.model.Acl;
import org.jexim.conf.model.AclItem;
import org.jexim.conf.model.AclStatement;
import org.jexim.conf.model.AclVerb;
import org.jexim.conf.model.ListKind;
import org.jexim.conf.model.RetryRule;
import org.jexim.conf.model.RewriteRule;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The Exim side of a translation directory, read back at run time by matchers, mailets and
 * hooks: main option texts, named lists and ACLs.
 */
public final class TranslatedConfiguration {
    private final Map<String, String> mainOptions;
    private final Map<ListKind, Map<String, String>> namedLists;
    private final Map<String, Acl> acls;
    private final List<RetryRule> retryRules;
    private final Map<String, String> macros;
    private final String localTransports;
    private final List<RewriteRule> rewriteRules;
    private List<TranslatedDriver> authenticators = List.of();

    private TranslatedConfiguration(Map<String, String> mainOptions, Map<ListKind, Map<String, String>> namedLists,
                                    Map<String, Acl> acls, List<RetryRule> retryRules, Map<String, String> macros,
                                    String localTransports, List<RewriteRule> rewriteRules) {
        this.macros = macros;
        this.localTransports = localTransports;
        this.rewriteRules = rewriteRules;
        this.mainOptions = mainOptions;
        this.namedLists = namedLists;
        this.acls = acls;
        this.retryRules = retryRules;
    }

    /** The authenticators section, in configure order (the smtp transport's client side uses them). */
    public List<TranslatedDriver> authenticators() {
        return authenticators;
    }

    private static List<TranslatedDriver> authenticators(Element root) {
        List<TranslatedDriver> out = new ArrayList<>();
        for (Element a : children(root)) {
            Map<String, String> options = new LinkedHashMap<>();
            for (Element o : children(a)) {
                options.put(o.getAttribute("name"), o.getTextContent());
            }
            out.add(new TranslatedDriver(a.getAttribute("name"), a.getAttribute("driver"), Map.copyOf(options)));
        }
        return List.copyOf(out);
    }

    /** Reads the files {@link Translator} wrote into {@code directory}; absent files read as empty. */
    public static TranslatedConfiguration load(Path directory) throws IOException {
        Map<String, String> main = new LinkedHashMap<>();
        Map<String, String> macros = new LinkedHashMap<>();
        String localTransports = "";
        for (Element e : children(document(directory.resolve(EximDataFiles.MAIN)))) {
            switch (e.getTagName()) {
                case "macro" -> macros.put(e.getAttribute("name"), e.getTextContent());
                case "local_transports" -> localTransports = e.getTextContent();
                default -> main.put(e.getAttribute("name"), e.getTextContent());
            }
        }
        Map<ListKind, Map<String, String>> lists = new EnumMap<>(ListKind.class);
        for (Element e : children(document(directory.resolve(EximDataFiles.LISTS)))) {
            for (ListKind kind : ListKind.values()) {
                if (kind.keyword().equals(e.getTagName())) {
                    lists.computeIfAbsent(kind, k -> new LinkedHashMap<>()).put(e.getAttribute("name"), e.getTextContent());
                }
            }
        }
        Map<String, Acl> acls = new LinkedHashMap<>();
        for (Element a : children(document(directory.resolve(EximDataFiles.ACLS)))) {
            List<AclStatement> statements = new ArrayList<>();
            for (Element s : children(a)) {
                List<AclItem> items = new ArrayList<>();
                for (Element i : children(s)) {
                    items.add(new AclItem(i.getAttribute("name"), "true".equals(i.getAttribute("negated")),
                            i.getTagName().equals("modifier"), i.getTextContent(), null));
                }
                statements.add(new AclStatement(AclVerb.valueOf(s.getAttribute("verb").toUpperCase(Locale.ROOT)),
                        List.copyOf(items), null));
            }
            acls.put(a.getAttribute("name"), new Acl(a.getAttribute("name"), List.copyOf(statements), null));
        }
        TranslatedConfiguration c = new TranslatedConfiguration(main, lists, acls,
                retryRules(document(directory.resolve(EximDataFiles.RETRY))), macros, localTransports,
                rewriteRules(document(directory.resolve(EximDataFiles.REWRITE))));
        c.authenticators = authenticators(document(directory.resolve(EximDataFiles.AUTHENTICATORS)));
        return c;
    }

    /** The retry section as {@link EximDataFiles#retryRules()} wrote it, in configure order. */
    private static List<RetryRule> retryRules(Element root) {
        List<RetryRule> rules = new ArrayList<>();
        for (Element r : children(root)) {
            List<RetryRule.Parameters> parameters = new ArrayList<>();
            for (Element p : children(r)) {
                String factor = p.getAttribute("factor");
                parameters.add(new RetryRule.Parameters(p.getAttribute("algorithm").charAt(0),
                        Long.parseLong(p.getAttribute("cutoff")), Long.parseLong(p.getAttribute("interval")),
                        factor.isEmpty() ? 0 : Double.parseDouble(factor)));
            }
            String senders = r.getAttribute("senders");
            rules.add(new RetryRule(r.getAttribute("pattern"), r.getAttribute("error"), senders.isEmpty() ? null : senders,
                    List.copyOf(parameters), null));
        }
        return List.copyOf(rules);
    }

    /** The rewrite section as {@link EximDataFiles#rewriteRules()} wrote it, in configure order. */
    private static List<RewriteRule> rewriteRules(Element root) {
        List<RewriteRule> rules = new ArrayList<>();
        for (Element r : children(root)) {
            rules.add(new RewriteRule(r.getAttribute("pattern"), r.getAttribute("replacement"), r.getAttribute("flags"),
                    null));
        }
        return List.copyOf(rules);
    }

    /** jexim's own macros of the configure (JEXIM_DNS_SERVERS ...). */
    public Optional<String> macro(String name) {
        return Optional.ofNullable(macros.get(name));
    }

    /** The names of the transports that deliver locally, space-separated. */
    public String localTransports() {
        return localTransports;
    }

    /** The rewrite section, in configure order. */
    public List<RewriteRule> rewriteRules() {
        return rewriteRules;
    }

    public Optional<String> mainOption(String name) {
        return Optional.ofNullable(mainOptions.get(name));
    }

    public Map<String, String> mainOptions() {
        return mainOptions;
    }

    public Optional<String> namedList(ListKind kind, String name) {
        return Optional.ofNullable(namedLists.getOrDefault(kind, Map.of()).get(name));
    }

    public Map<String, Acl> acls() {
        return acls;
    }

    public List<RetryRule> retryRules() {
        return retryRules;
    }

    private static Element document(Path file) throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setIgnoringComments(true);
            Document d = f.newDocumentBuilder().parse(file.toFile());
            return d.getDocumentElement();
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        if (parent == null) {
            return out;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }
}
