package org.jexim.smtp;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jexim.acl.AclSubject;
import org.jexim.acl.CalloutRequest;
import org.jexim.acl.RecipientVerifier;
import org.jexim.acl.callout.Callout;
import org.jexim.acl.callout.CalloutCache;
import org.jexim.acl.callout.CalloutTarget;
import org.jexim.address.AddressItem;
import org.jexim.address.RoutingContext;
import org.jexim.conf.expand.Expander;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.model.Configuration;
import org.jexim.conf.model.DriverInstance;
import org.jexim.conf.options.EximTime;
import org.jexim.routing.AddressVerifier;
import org.jexim.routing.RouterDefinition;
import org.jexim.routing.RouterFactory;
import org.jexim.routing.RoutingEngine;
import org.jexim.runtime.JeximRuntime;

/**
 * {@code verify = recipient} and {@code verify = sender} through the routing engine of -bt/-bv,
 * as Exim's verify_address in short mode; with {@code /callout} the address is then called out
 * at the hosts routing chose ({@link CalloutPlanner}, {@link Callout}), except under -bh where
 * Exim omits callouts unless -bhc asked for them.
 */
public final class RoutingRecipientVerifier implements RecipientVerifier {
    private static final String FAILED = " failed to verify: ";
    private static final String DEFERRED = " cannot be resolved at this time: ";
    private static final String RANDOM_DEFAULT = "$primary_hostname-$tod_epoch-testing";

    private final RoutingEngine engine;
    private final JeximRuntime runtime;
    private final CalloutPlanner planner;
    private final Callout callout;
    private final boolean callouts;

    /** A verifier that makes callouts (the server, -bhc). */
    public RoutingRecipientVerifier(Configuration config, JeximRuntime runtime) {
        this(config, runtime, true);
    }

    /** {@code callouts} false: routing only, callouts succeed without connecting (-bh). */
    public RoutingRecipientVerifier(Configuration config, JeximRuntime runtime, boolean callouts) {
        List<RouterDefinition> routers = new ArrayList<>();
        for (DriverInstance r : config.routers()) {
            routers.add(RouterFactory.create(r));
        }
        this.engine = new RoutingEngine(routers);
        this.runtime = runtime;
        this.planner = new CalloutPlanner(config);
        this.callouts = callouts;
        this.callout = new Callout(new CalloutCache(org.jexim.server.ServerPaths.of(config).spool()), expiry(runtime));
    }

    @Override
    public Verification verify(String recipient, AclSubject subject) {
        return verify(recipient, false, null, subject);
    }

    @Override
    public Verification verifySender(String sender, AclSubject subject) {
        return verify(sender, true, null, subject);
    }

    @Override
    public Verification verify(String address, boolean sender, CalloutRequest request, AclSubject subject) {
        int at = address.lastIndexOf('@');
        String qualify = sender ? runtime.qualifyDomain() : runtime.qualifyRecipient();
        AddressItem item = at < 0 ? new AddressItem(address, qualify, null, Map.of())
                : new AddressItem(address.substring(0, at), address.substring(at + 1), null, Map.of());
        Map<String, String> variables = new HashMap<>();
        if (!sender) {
            subject.variable("sender_address").ifPresent(s -> variables.put("sender_address", s));
        } else {
            variables.put("sender_address", ""); // routing a sender, $sender_address is <> as for a bounce
        }
        variables.put("_verify", sender ? "sender" : "recipient");
        variables.put(org.jexim.routing.RouteVariables.LOCAL_TRANSPORTS, runtime.localTransports());
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        AddressVerifier verifier = new AddressVerifier(engine, t -> false,
                new PrintStream(said, true, StandardCharsets.ISO_8859_1));
        RoutingContext context = new RoutingContext(runtime, runtime.qualifyRecipient(), variables);
        AddressVerifier.Result result = verifier.verify(item, address, context, false, false);
        return switch (result) {
            case OK -> request == null ? new Verification(Outcome.OK, null)
                    : callOut(verifier.verifiedBy(), context, request, sender, subject);
            case DEFER -> new Verification(Outcome.DEFER, after(said.toString(StandardCharsets.ISO_8859_1), DEFERRED));
            case FAIL -> new Verification(Outcome.FAIL, Objects.requireNonNullElse(
                    after(said.toString(StandardCharsets.ISO_8859_1), FAILED), "Unrouteable address"));
        };
    }

    @Override
    public Optional<Expansion> expand(String address, AclSubject subject) {
        int at = address.lastIndexOf('@');
        AddressItem item = at < 0 ? new AddressItem(address, runtime.qualifyRecipient(), null, Map.of())
                : new AddressItem(address.substring(0, at), address.substring(at + 1), null, Map.of());
        Map<String, String> variables = new HashMap<>();
        subject.variable("sender_address").ifPresent(s -> variables.put("sender_address", s));
        variables.put("_verify", "expn");
        variables.put(org.jexim.routing.RouteVariables.LOCAL_TRANSPORTS, runtime.localTransports());
        RoutingEngine.RoutedAddress routed = engine.routeOne(item, new RoutingContext(runtime, runtime.qualifyRecipient(),
                variables));
        return Optional.of(switch (routed.outcome().kind()) {
            case FAIL -> new Expansion(Outcome.FAIL, List.of(), false);
            case DEFER -> new Expansion(Outcome.DEFER, List.of(), false);
            case ACCEPT -> new Expansion(Outcome.OK, List.of(), true);
            default -> new Expansion(Outcome.OK, routed.outcome().children().stream().map(AddressItem::address).toList(),
                    false);
        });
    }

    private Verification callOut(Optional<RoutingEngine.RoutedAddress> routed, RoutingContext context,
                                 CalloutRequest request, boolean sender, AclSubject subject) {
        Optional<CalloutTarget> target = routed.flatMap(r -> planner.plan(r, context));
        if (target.isEmpty() || !callouts) {
            return new Verification(Outcome.OK, null);
        }
        Callout.Context c = new Callout.Context(!sender, subject.variable("sender_address").orElse(""),
                runtime.mainOption("qualify_domain").orElse(runtime.primaryHostname()), randomLocalPart(subject),
                runtime.mainOption("smtp_return_error_details").map(v -> v.equals("true") || v.equals("yes"))
                        .orElse(false));
        return callout.run(target.get(), request, c);
    }

    /** callout_random_local_part expanded; null when it fails (Exim logs it and does not randomise). */
    private String randomLocalPart(AclSubject subject) {
        try {
            return Expander.expand(runtime.mainOption("callout_random_local_part").orElse(RANDOM_DEFAULT), subject);
        } catch (ExpansionException e) {
            return null;
        }
    }

    private static CalloutCache.Expiry expiry(JeximRuntime runtime) {
        CalloutCache.Expiry d = CalloutCache.Expiry.DEFAULT;
        return new CalloutCache.Expiry(time(runtime, "callout_domain_positive_expire", d.domainPositive()),
                time(runtime, "callout_domain_negative_expire", d.domainNegative()),
                time(runtime, "callout_positive_expire", d.positive()),
                time(runtime, "callout_negative_expire", d.negative()));
    }

    private static long time(JeximRuntime runtime, String option, long dflt) {
        return runtime.mainOption(option).map(EximTime::read).filter(t -> t >= 0).map(Integer::longValue).orElse(dflt);
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
