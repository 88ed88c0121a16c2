package org.jexim.smtp;

import java.util.List;
import org.jexim.lists.ListException;
import org.jexim.lists.ListMatcher;
import org.jexim.runtime.JeximRuntime;
import org.jexim.smtp.auth.ServerAuthenticators;

/**
 * Which mechanisms EHLO offers a client: none once it has authenticated or unless it is in
 * auth_advertise_hosts (default *), then each server authenticator whose server_advertise_condition holds, in configure order.
 */
final class AuthAdvertising {
    private final JeximRuntime runtime;
    private final ServerAuthenticators authenticators;

    AuthAdvertising(JeximRuntime runtime) {
        this.runtime = runtime;
        this.authenticators = ServerAuthenticators.of(runtime.authenticators());
    }

    ServerAuthenticators authenticators() {
        return authenticators;
    }

    List<String> mechanisms(SessionState state) {
        if (authenticators.isEmpty() || state.authenticated() || !hostIn(runtime, "auth_advertise_hosts", "*", state.ip())) {
            return List.of();
        }
        return authenticators.advertised(state.subject(null));
    }

    /** Whether the client's address matches a host list option ({@code unset}: its default). */
    static boolean hostIn(JeximRuntime runtime, String option, String unset, String ip) {
        String list = runtime.mainOption(option).orElse(unset);
        try {
            return ListMatcher.hosts(runtime).match(list, ip == null ? "" : ip).matched();
        } catch (ListException e) {
            return false;
        }
    }
}
