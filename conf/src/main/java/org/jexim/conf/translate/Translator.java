package org.jexim.conf.translate;

import java.util.List;
import java.util.TreeMap;
import org.jexim.conf.model.Configuration;

/**
 * Translates a configure file into the directory of James configuration files the
 * container runs from (DESIGN.md, "Exim concept -> James construct"). Deterministic: the
 * same configuration gives the same bytes. Every element carries a comment naming the
 * configure line it came from.
 */
public final class Translator {
    /** The class names the translation refers to, in one place. */
    public static final String JEXIM_MATCHERS = "org.jexim.matchers.";
    public static final String JEXIM_MAILETS = "org.jexim.mailets.";
    public static final String JEXIM_SMTP = "org.jexim.smtp.";

    private Translator() {
    }

    public static Translation translate(Configuration configuration) {
        TranslationContext context = new TranslationContext(configuration);
        String header = "Written by jexim translate from " + configuration.file()
                + ". Do not edit: change the configure file and translate again.";
        TreeMap<String, String> files = new TreeMap<>();
        files.put("mailetcontainer.xml", new MailetContainerFile(context).build().document(header));
        files.put("smtpserver.xml", new SmtpServerFile(context).build().document(header));
        files.put("domainlist.xml", new DomainListFile(context).build().document(header));
        EximDataFiles data = new EximDataFiles(context);
        files.put(EximDataFiles.MAIN, data.mainOptions().document(header));
        files.put(EximDataFiles.LISTS, data.namedLists().document(header));
        files.put(EximDataFiles.ACLS, data.acls().document(header));
        files.put(EximDataFiles.RETRY, data.retryRules().document(header));
        files.put(EximDataFiles.REWRITE, data.rewriteRules().document(header));
        files.put(EximDataFiles.AUTHENTICATORS, data.authenticators().document(header));
        JamesSupportFiles.all().forEach((name, element) -> files.put(name, element.document(header)));
        return new Translation(files, List.copyOf(context.problems()), List.copyOf(context.warnings()));
    }
}
