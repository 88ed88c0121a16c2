package org.jexim.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jexim.address.AddressItem;
import org.jexim.address.RoutingContext;
import org.jexim.conf.model.ListKind;
import org.jexim.lists.ListContext;
import org.jexim.routing.RoutingEngine.RoutedAddress;
import org.junit.jupiter.api.Test;

class RoutingEngineTest {
    static final ListContext LISTS = new ListContext() {
        @Override
        public Optional<String> namedList(ListKind kind, String name) {
            return kind == ListKind.DOMAIN && name.equals("local_domains") ? Optional.of("@ : localhost") : Optional.empty();
        }

        @Override
        public String primaryHostname() {
            return "vm";
        }
    };
    /** No DNS server listens on this port: lookups time out, which is a temporary failure. */
    static final RoutingContext CONTEXT = new RoutingContext(LISTS, "vm", Map.of(RouteDns.SERVERS_VARIABLE, "127.0.0.1:9"));

    static Map<String, String> options(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    final RoutingEngine engine = new RoutingEngine(List.of(
            RouterFactory.create("dnslookup", "dnslookup", options("domains", "! +local_domains", "transport", "remote_smtp",
                    "more", "false")),
            RouterFactory.create("aliases", "redirect", options("domains", "+local_domains", "local_parts", "postmaster : loop",
                    "data", "jexim, root@localhost", "allow_fail", "true")),
            RouterFactory.create("fail", "redirect", options("local_parts", "root", "data", ":fail: no root here",
                    "allow_fail", "true")),
            RouterFactory.create("local_user", "accept", options("domains", "+local_domains", "transport", "local_maildir"))));

    String describe(RoutedAddress r) {
        return r.address() + " " + r.router() + " " + r.outcome().kind()
                + (r.outcome().transport() == null ? "" : " " + r.outcome().transport())
                + (r.outcome().message() == null ? "" : " " + r.outcome().message())
                + r.address().parent().map(p -> " <-- " + p).orElse("");
    }

    @Test
    void redirectedAddressesStartAgainAtTheFirstRouter() {
        List<String> out = engine.route(List.of(AddressItem.of("postmaster@localhost")), CONTEXT).stream()
                .map(this::describe).toList();
        assertThat(out).containsExactly(
                "jexim@vm local_user ACCEPT local_maildir <-- postmaster@localhost",
                "root@localhost fail FAIL no root here <-- postmaster@localhost");
    }

    @Test
    void remoteDomainsDeferWhenDnsDoesNotAnswerAndUnknownOnesFail() {
        assertThat(describe(engine.routeOne(AddressItem.of("x@remote.example"), CONTEXT)))
                .isEqualTo("x@remote.example dnslookup DEFER host lookup did not complete");
        RoutingEngine onlyAccept = new RoutingEngine(List.of(RouterFactory.create("local", "accept",
                options("domains", "+local_domains", "transport", "t"))));
        assertThat(describe(onlyAccept.routeOne(AddressItem.of("x@remote.example"), CONTEXT)))
                .isEqualTo("x@remote.example null FAIL Unrouteable address");
    }

    @Test
    void checkLocalUserSetsHomeFromThePasswdFile() {
        RoutingEngine e = new RoutingEngine(List.of(RouterFactory.create("localuser", "accept",
                options("check_local_user", "true", "transport", "t$home"))));
        assertThat(describe(e.routeOne(AddressItem.of("Root@vm"), CONTEXT))).isEqualTo(
                "Root@vm localuser ACCEPT t/root");
        assertThat(describe(e.routeOne(AddressItem.of("no-such-user@vm"), CONTEXT))).isEqualTo(
                "no-such-user@vm null FAIL Unrouteable address");
    }
}
