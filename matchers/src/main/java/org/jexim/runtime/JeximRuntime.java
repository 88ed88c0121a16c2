package org.jexim.runtime;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.apache.james.filesystem.api.FileSystem;
import org.jexim.acl.AclEngine;
import org.jexim.conf.model.ListKind;
import org.jexim.conf.model.RetryRule;
import org.jexim.conf.translate.TranslatedConfiguration;
import org.jexim.conf.translate.TranslatedDriver;
import org.jexim.lists.ListContext;

/**
 * The Exim side of the running configuration, shared by every jexim matcher, mailet and
 * hook of one James server: main options, named lists and ACLs read once from the
 * translation in James's {@code conf/} directory.
 */
@Singleton
public final class JeximRuntime implements ListContext {
    private final TranslatedConfiguration configuration;
    private final String primaryHostname;
    private final AclEngine aclEngine;

    @Inject
    public JeximRuntime(FileSystem fileSystem) {
        this(load(fileSystem));
    }

    public JeximRuntime(TranslatedConfiguration configuration) {
        this.configuration = configuration;
        this.primaryHostname = configuration.mainOption("primary_hostname").orElseGet(JeximRuntime::hostName);
        this.aclEngine = new AclEngine(configuration.acls(), new org.jexim.acl.AclServices(this, configuration::mainOption));
    }

    private static TranslatedConfiguration load(FileSystem fileSystem) {
        try {
            File conf = fileSystem.getFile("file://conf/");
            return TranslatedConfiguration.load(conf.toPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Exim's default primary_hostname. */
    private static String hostName() {
        return org.jexim.conf.options.DefaultHostName.primaryHostName();
    }

    public static JeximRuntime fromDirectory(Path directory) throws IOException {
        return new JeximRuntime(TranslatedConfiguration.load(directory));
    }

    @Override
    public Optional<String> namedList(ListKind kind, String name) {
        return configuration.namedList(kind, name);
    }

    @Override
    public String primaryHostname() {
        return primaryHostname;
    }

    /** qualify_domain, which defaults to primary_hostname. */
    public String qualifyDomain() {
        return configuration.mainOption("qualify_domain").orElse(primaryHostname);
    }

    /** qualify_recipient, which defaults to qualify_domain. */
    public String qualifyRecipient() {
        return configuration.mainOption("qualify_recipient").orElse(qualifyDomain());
    }

    public Optional<String> mainOption(String name) {
        return configuration.mainOption(name);
    }

    /** A jexim macro of the configure (JEXIM_DNS_SERVERS ...), which the server reads as -bt does. */
    public Optional<String> macro(String name) {
        return configuration.macro(name);
    }

    /** The names of the transports that deliver locally, space-separated. */
    public String localTransports() {
        return configuration.localTransports();
    }

    /** The rewrite section, in configure order. */
    public List<org.jexim.conf.model.RewriteRule> rewriteRules() {
        return configuration.rewriteRules();
    }

    /** The retry section, in configure order. */
    public List<RetryRule> retryRules() {
        return configuration.retryRules();
    }

    /** The ACLs of the configuration by name (those written inline in options included). */
    public java.util.Map<String, org.jexim.conf.model.Acl> acls() {
        return configuration.acls();
    }

    /** The authenticators of the configure file, in order. */
    public List<TranslatedDriver> authenticators() {
        return configuration.authenticators();
    }

    public AclEngine aclEngine() {
        return aclEngine;
    }
}
