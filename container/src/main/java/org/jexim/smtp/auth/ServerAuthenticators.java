package org.jexim.smtp.auth;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jexim.acl.AclSubject;
import org.jexim.conf.translate.TranslatedDriver;

/**
 * The authenticators of the configure file that act as servers, in configure order: the
 * mechanisms EHLO advertises and the one an AUTH command names.
 */
public final class ServerAuthenticators {
    private final List<ServerAuthenticator> servers;

    private ServerAuthenticators(List<ServerAuthenticator> servers) {
        this.servers = servers;
    }

    public static ServerAuthenticators of(List<TranslatedDriver> specs) {
        List<ServerAuthenticator> servers = new ArrayList<>();
        for (TranslatedDriver spec : specs) {
            ServerAuthenticator a = switch (spec.driver()) {
                case "plaintext" -> new PlaintextAuthenticator(spec);
                case "cram_md5" -> new CramMd5Authenticator(spec);
                case "external" -> new ExternalAuthenticator(spec);
                default -> null; // the translator refuses other drivers with server options
            };
            if (a != null && a.isServer()) {
                servers.add(a);
            }
        }
        return new ServerAuthenticators(List.copyOf(servers));
    }

    /** The EHLO AUTH keyword's mechanisms, each once, in configure order; empty when none is advertised. */
    public List<String> advertised(AclSubject vars) {
        Set<String> names = new LinkedHashSet<>();
        for (ServerAuthenticator a : servers) {
            if (a.advertised(vars)) {
                names.add(a.publicName());
            }
        }
        return List.copyOf(names);
    }

    /** The advertised server authenticator for a mechanism (case-insensitive), as Exim searches. */
    public Optional<ServerAuthenticator> find(String mechanism, AclSubject vars) {
        return servers.stream().filter(a -> a.publicName().equalsIgnoreCase(mechanism) && a.advertised(vars)).findFirst();
    }

    /** The authenticator whose instance name is {@code name} ($sender_host_authenticated). */
    public Optional<ServerAuthenticator> named(String name) {
        return servers.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    public boolean isEmpty() {
        return servers.isEmpty();
    }
}
