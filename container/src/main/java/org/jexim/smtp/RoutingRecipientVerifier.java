package org.jexim.smtp;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jexim.acl.AclSubject;
import org.jexim.acl.RecipientVerifier;
import org.jexim.address.AddressItem;
import org.jexim.address.RoutingContext;
import org.jexim.conf.model.Configuration;
import org.jexim.conf.model.DriverInstance;
import org.jexim.routing.AddressVerifier;
import org.jexim.routing.RouterDefinition;
import org.jexim.routing.RouterFactory;
import org.jexim.routing.RoutingEngine;
import org.jexim.runtime.JeximRuntime;

/** {@code verify = recipient} through the routing engine of -bt/-bv, as Exim's verify_address in short mode. */
public final class RoutingRecipientVerifier implements RecipientVerifier {
    private static final String FAILED = " failed to verify: ";
    private static final String DEFERRED = " cannot be resolved at this time: ";

    private final RoutingEngine engine;
    private final JeximRuntime runtime;

    public RoutingRecipientVerifier(Configuration config, JeximRuntime runtime) {
        List<RouterDefinition> routers = new ArrayList<>();
        for (DriverInstance r : config.routers()) {
            routers.add(RouterFactory.create(r));
        }
        this.engine = new RoutingEngine(routers);
        this.runtime = runtime;
    }

    @Override
    public Verification verify(String recipient, AclSubject subject) {
        int at = recipient.lastIndexOf('@');
        AddressItem address = at < 0 ? new AddressItem(recipient, runtime.qualifyRecipient(), null, Map.of())
                : new AddressItem(recipient.substring(0, at), recipient.substring(at + 1), null, Map.of());
        Map<String, String> variables = new HashMap<>();
        subject.variable("sender_address").ifPresent(s -> variables.put("sender_address", s));
        variables.put("_verify", "recipient");
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        AddressVerifier verifier = new AddressVerifier(engine, t -> false,
                new PrintStream(said, true, StandardCharsets.ISO_8859_1));
        AddressVerifier.Result result = verifier.verify(address, recipient,
                new RoutingContext(runtime, runtime.qualifyRecipient(), variables), false, false);
        return switch (result) {
            case OK -> new Verification(Outcome.OK, null);
            case DEFER -> new Verification(Outcome.DEFER, after(said.toString(StandardCharsets.ISO_8859_1), DEFERRED));
            case FAIL -> new Verification(Outcome.FAIL, java.util.Objects.requireNonNullElse(
                    after(said.toString(StandardCharsets.ISO_8859_1), FAILED), "Unrouteable address"));
        };
    }

    /** The router's message from verify_address's "ADDR failed to verify: MESSAGE" (or deferral) line. */
    private static String after(String text, String marker) {
        int i = text.indexOf(marker);
        if (i < 0) {
            return null;
        }
        String rest = text.substring(i + marker.length());
        int nl = rest.indexOf('\n');
        return nl < 0 ? rest : rest.substring(0, nl);
    }
}
