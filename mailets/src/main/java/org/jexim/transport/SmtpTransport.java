package org.jexim.transport;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.jexim.conf.expand.Expander;
import org.jexim.conf.expand.Expansion;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.lists.ListEnv;
import org.jexim.conf.lists.Lists;
import org.jexim.conf.options.EximTime;
import org.jexim.retry.HostRetryHints;
import org.jexim.retry.RetrySchedule;
import org.jexim.routing.HostListParser;
import org.jexim.routing.RouteHost;

/**
 * The smtp transport (Exim's transports/smtp.c): the addresses routed to the same hosts go in
 * one transaction (up to {@code max_rcpt}; one domain a transaction unless {@code multi_domain}),
 * to the router's hosts in order (or {@code hosts}, with {@code hosts_override},
 * {@code hosts_randomize}) and then {@code fallback_hosts}; a host whose retry time is not
 * reached is skipped, a host that cannot be reached gets a retry hint. On each connection:
 * EHLO with {@code helo_data}, STARTTLS (opportunistic, {@code hosts_require_tls},
 * {@code hosts_avoid_tls}, {@code tls_verify_hosts}, {@code tls_certificate}), AUTH with the
 * client authenticators ({@code hosts_require_auth}, {@code hosts_try_auth}), MAIL with SIZE
 * (+{@code size_addition}) and AUTH=, RCPT, then BDAT when offered ({@code hosts_try_chunking})
 * or DATA, MAIL to DATA in one write when the server offers PIPELINING (unless
 * {@code hosts_avoid_pipelining}); the message DKIM-signed when {@code dkim_domain} is set. Timeouts:
 * {@code connect_timeout}, {@code command_timeout}, {@code data_timeout}; {@code interface}.
 */
final class SmtpTransport implements Transport {
    private final String name;
    private final TransportOptions options;
    private final TransportServices services;
    private final List<ClientAuthenticator> authenticators;
    private final RetrySchedule hostSchedule;
    private final ContinuedConnections continued = new ContinuedConnections();
    private final org.jexim.retry.HostWaits waits;

    SmtpTransport(String name, Map<String, String> options, TransportServices services, RetrySchedule hostSchedule) {
        this.name = name;
        this.options = new TransportOptions(options);
        this.services = services;
        this.authenticators = ClientAuthenticator.clients(services.authenticators());
        this.hostSchedule = hostSchedule;
        this.waits = services.waits(name);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean local() {
        return false;
    }

    @Override
    public DeliveryResult deliver(Delivery delivery) {
        return deliverAll(List.of(delivery)).get(0);
    }

    /** Groups the addresses by host list (and domain unless multi_domain), max_rcpt to a transaction. */
    @Override
    public List<DeliveryResult> deliverAll(List<Delivery> deliveries) {
        DeliveryResult[] results = new DeliveryResult[deliveries.size()];
        boolean multiDomain = options.bool("multi_domain", true);
        int maxRcpt = Math.max(1, options.number("max_rcpt", 100));
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < deliveries.size(); i++) {
            Delivery d = deliveries.get(i);
            String key = d.address().variables().getOrDefault(HostsVariable.NAME, "")
                    + (multiDomain ? "" : "|" + d.address().domain().toLowerCase(java.util.Locale.ROOT));
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        for (List<Integer> group : groups.values()) {
            for (int from = 0; from < group.size(); from += maxRcpt) {
                List<Integer> batch = group.subList(from, Math.min(group.size(), from + maxRcpt));
                List<Delivery> ds = batch.stream().map(deliveries::get).toList();
                List<DeliveryResult> rs = deliverBatch(ds);
                for (int k = 0; k < batch.size(); k++) {
                    results[batch.get(k)] = rs.get(k);
                }
            }
        }
        return List.of(results);
    }

    /** First-pass routing: the message waits for the hosts of these addresses. */
    @Override
    public void routedOnly(List<Delivery> deliveries) {
        ZonedDateTime now = ZonedDateTime.ofInstant(services.clock().instant(), services.clock().getZone());
        for (Delivery d : deliveries) {
            TransportVariables vars = new TransportVariables(d, name, now);
            try {
                String id = vars.variable("message_id").orElse("");
                hosts(d, vars).forEach(h -> waits.add(h.name(), id));
            } catch (ExpansionException | IOException | TaintedHosts e) {
                // the delivery will meet the same problem and report it
            }
        }
    }

    private List<DeliveryResult> deliverBatch(List<Delivery> batch) {
        Delivery first = batch.get(0);
        ZonedDateTime now = ZonedDateTime.ofInstant(services.clock().instant(), services.clock().getZone());
        TransportVariables vars = new TransportVariables(first, name, now);
        List<RouteHost> hosts;
        List<RouteHost> fallback;
        SmtpMessage message;
        try {
            hosts = hosts(first, vars);
            // a router's fallback_hosts (not expanded) wins over the transport's, as in Exim's smtp.c
            String routerFallback = first.address().variables().get("_fallback_hosts");
            fallback = routerFallback != null ? hostList("\\N" + routerFallback + "\\N", vars)
                    : hostList(options.string("fallback_hosts"), vars);
            LocalMessage local = LocalMessage.prepare(options, List.of(first), vars, false, false);
            message = new SmtpMessage(new DkimSigner(options, name).sign(local, vars), local);
        } catch (ExpansionException | IOException e) {
            return all(batch, DeliveryResult.defer(name + " transport: " + e.getMessage()));
        } catch (TaintedHosts e) {
            // the cause goes to the logs only: the sender learns nothing of the configuration
            return all(batch, DeliveryResult.panic("internal configuration error", "attempt to use tainted host list '"
                    + e.getMessage() + "' from '" + options.string("hosts") + "' in transport " + name));
        }
        if (hosts.isEmpty() && fallback.isEmpty()) {
            return all(batch, DeliveryResult.defer("No hosts were given to the " + name + " transport"));
        }
        int defaultPort = port(vars);
        int maxTry = options.number("hosts_max_try", 5);
        DeliveryResult last = null;
        int tried = 0;
        List<RouteHost> candidates = new ArrayList<>(hosts);
        candidates.addAll(fallback);
        // addresses a host deferred at RCPT (4xx) go on to the next host, as in Exim's smtp.c
        DeliveryResult[] results = new DeliveryResult[batch.size()];
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            pending.add(i);
        }
        for (RouteHost host : candidates) {
            if (tried >= maxTry || pending.isEmpty()) {
                break;
            }
            String ip = host.address() == null ? host.name() : host.address();
            int port = host.port() > 0 ? host.port() : defaultPort;
            String key = HostRetryHints.key(host.name(), ip, port);
            Instant at = services.clock().instant();
            var hint = services.hostHints().get(key);
            if (hint.isPresent() && hint.get().nextTry().isAfter(at) && !first.forced()) {
                continue;
            }
            tried++;
            vars.set("host", host.name()).set("host_address", ip).set("host_port", Integer.toString(port));
            List<Delivery> sending = pending.stream().map(batch::get).toList();
            Attempt a = attempt(sending, host.name(), ip, port, message, vars);
            if (a.results != null) {
                hint.ifPresent(h -> services.hostHints().remove(key));
                List<Integer> again = new ArrayList<>();
                for (int k = 0; k < sending.size(); k++) {
                    DeliveryResult r = a.results.get(k);
                    results[pending.get(k)] = r;
                    if (r.kind() == DeliveryResult.Kind.DEFER && r.errno() == EximErrno.ERRNO_RCPT4XX) {
                        again.add(pending.get(k));
                    }
                }
                pending = again;
                continue;
            }
            last = a.hostProblem;
            if (a.unreachable) {
                services.hostLog().accept(vars.variable("message_id").orElse(""),
                        "H=" + host.name() + " [" + ip + "] " + a.hostProblem.message());
                recordHint(key, hint.orElse(null), a.hostProblem, host.name(), at);
            }
        }
        boolean hostDeferred = false;
        for (int i : pending) {
            if (results[i] != null) {
                continue; // deferred at RCPT by the last host that answered
            }
            hostDeferred = true;
            if (last == null) {
                results[i] = DeliveryResult.defer("retry time not reached for any host for '"
                        + first.address().domain() + "'").withErrno(EximErrno.ERRNO_HRETRY);
            } else {
                results[i] = last;
            }
        }
        if (hostDeferred) {
            // Exim's transport_update_waiting: the message waits for these hosts' next connection
            String id = vars.variable("message_id").orElse("");
            candidates.forEach(h -> waits.add(h.name(), id));
        }
        return List.of(results);
    }

    private void recordHint(String key, HostRetryHints.Hint old, DeliveryResult problem, String hostName, Instant at) {
        Instant firstFailed = old == null ? at : old.firstFailed();
        long lastInterval = old == null ? 0 : RetrySchedule.lastGap(
                old.nextTry().getEpochSecond() - old.lastTry().getEpochSecond(), old.lastTry(), at);
        RetrySchedule.Decision d = hostSchedule.decide("host@" + hostName, "*", firstFailed, lastInterval, at);
        Instant next = d.next().orElse(at.plusSeconds(Math.max(lastInterval, 900)));
        services.hostHints().put(new HostRetryHints.Hint(key, problem.errno(), problem.message(), firstFailed, at, next));
    }

    /** One try at one host: per-address results, or a problem with the host (try the next). */
    private record Attempt(List<DeliveryResult> results, DeliveryResult hostProblem, boolean unreachable) {
        static Attempt done(List<DeliveryResult> results) {
            return new Attempt(results, null, false);
        }

        static Attempt hostProblem(DeliveryResult problem, boolean unreachable) {
            return new Attempt(null, problem, unreachable);
        }
    }

    /** Whether the attempt left its connection parked for the next message (then it is not closed). */
    private static final class Hold {
        final String host;
        boolean parked;

        Hold(String host) {
            this.host = host;
        }
    }

    /**
     * One try at one host, over the connection an earlier message left for this one when it waits
     * for the host, else over a new one.
     */
    private Attempt attempt(List<Delivery> batch, String hostName, String ip, int port, SmtpMessage message,
            TransportVariables vars) {
        String id = vars.variable("message_id").orElse("");
        Hold hold = new Hold(ip + ":" + port);
        java.util.Optional<ContinuedConnections.Open> reused;
        try {
            reused = continued.take(hold.host, waits.waiting(hostName, id));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Attempt.hostProblem(DeliveryResult.defer("interrupted"), false);
        }
        try {
            if (reused.isPresent()) {
                ContinuedConnections.Open o = reused.get();
                try {
                    return Attempt.done(deliverOver(o.connection(), o.session(), o.via().continued(true), o.sequence() + 1,
                            batch, message, vars, hostName, hold));
                } catch (SmtpSession.Refused e) {
                    return refused(e, batch, hostName, ip, o.via());
                } catch (ExpansionException e) {
                    return Attempt.done(all(batch, DeliveryResult.defer(name + " transport: " + e.getMessage())));
                } catch (IOException e) {
                    return lost(e, o.connection(), o.via());
                } finally {
                    if (!hold.parked) {
                        closeQuietly(o.connection());
                    }
                }
            }
            return attempt(batch, hostName, ip, port, message, vars, true, hold);
        } finally {
            if (!hold.parked) {
                continued.release(hold.host);
            }
        }
    }

    /**
     * The transaction over an open session; then, when other messages wait for the host and the
     * connection has carried fewer than connection_max_messages (0: no limit), the connection is
     * reset and parked for them, else closed with QUIT.
     */
    private List<DeliveryResult> deliverOver(SmtpConnection c, SmtpSession s, DeliveryResult.Connection via, int sequence,
            List<Delivery> batch, SmtpMessage message, TransportVariables vars, String hostName, Hold hold)
            throws IOException, SmtpSession.Refused, ExpansionException {
        List<DeliveryResult> results = transaction(s, batch, message, vars, via);
        String id = vars.variable("message_id").orElse("");
        waits.remove(hostName, id);
        int max = options.number("connection_max_messages", 500);
        java.util.Set<String> waiting = waits.others(hostName, id);
        if ((max == 0 || sequence < max) && !waiting.isEmpty() && s.reset()) {
            continued.park(hold.host, new ContinuedConnections.Open(c, s, via.continued(false), sequence));
            hold.parked = true;
            services.waiting().deliverNow(waiting); // they come for the connection now, not at their retry time
        } else {
            s.quit();
        }
        return results;
    }

    private static void closeQuietly(SmtpConnection c) {
        try {
            c.close();
        } catch (IOException e) {
            // closing a connection that broke changes nothing for the results
        }
    }

    private Attempt attempt(List<Delivery> batch, String hostName, String ip, int port, SmtpMessage message,
            TransportVariables vars, boolean tlsAllowed, Hold hold) {
        SmtpConnection c;
        try {
            c = SmtpConnection.open(ip, port, expand("interface", vars), timeout("connect_timeout", 300),
                    timeout("command_timeout", 300));
        } catch (SocketTimeoutException e) {
            return Attempt.hostProblem(DeliveryResult.defer("Connection timed out").withErrno(EximErrno.ETIMEDOUT), true);
        } catch (ConnectException e) {
            return Attempt.hostProblem(DeliveryResult.defer("Connection refused").withErrno(EximErrno.ECONNREFUSED), true);
        } catch (IOException | ExpansionException e) {
            return Attempt.hostProblem(DeliveryResult.defer(e.getMessage()), true);
        }
        DeliveryResult.Connection via = new DeliveryResult.Connection(hostName, ip, null, null, false, null);
        try {
            SmtpSession s = new SmtpSession(c, false);
            String helo = Expander.expand(options.string("helo_data", "$primary_hostname"), vars);
            s.greeting();
            s.hello(helo);
            boolean requireTls = matches("hosts_require_tls", hostName, ip, vars);
            if (tlsAllowed && !matches("hosts_avoid_tls", hostName, ip, vars) && (requireTls || s.offers("STARTTLS"))) {
                if (!s.offers("STARTTLS")) {
                    return Attempt.hostProblem(DeliveryResult.defer(
                            "a TLS session is required, but the server did not offer TLS support")
                            .withErrno(EximErrno.ERRNO_TLSREQUIRED).withConnection(via), false);
                }
                boolean verify = matches("tls_verify_hosts", hostName, ip, vars);
                // tls_try_verify_hosts (default *): any certificate will do, CV=yes when it verifies
                TlsClient.TriedVerification tried = !verify && matches("tls_try_verify_hosts", hostName, ip, "*", vars)
                        ? new TlsClient.TriedVerification() : null;
                boolean checkName = matches("tls_verify_cert_hostnames", hostName, ip, "*", vars);
                try {
                    String anchors = expand("tls_verify_certificates", vars);
                    SSLContext ctx = tried != null
                            ? TlsClient.trying(tried, anchors, expand("tls_certificate", vars), expand("tls_privatekey", vars))
                            : TlsClient.context(verify, anchors, expand("tls_certificate", vars), expand("tls_privatekey", vars));
                    s.startTlsCommand();
                    SSLSocket tls = c.startTls(ctx, hostName, verify && checkName);
                    boolean verified = verify || tried != null && tried.verified(hostName, checkName);
                    via = new DeliveryResult.Connection(hostName, ip, TlsClient.logFields(tls.getSession(), verified), null,
                            false, null);
                } catch (SSLException | GeneralSecurityException e) {
                    String why = verify ? "(certificate verification failed): certificate invalid" : e.getMessage();
                    if (requireTls) {
                        return Attempt.hostProblem(DeliveryResult.defer("TLS session: " + why)
                                .withErrno(EximErrno.ERRNO_TLSFAILURE).withConnection(via), false);
                    }
                    c.close();
                    return attempt(batch, hostName, ip, port, message, vars, false, hold); // Exim delivers unencrypted
                }
                s.hello(helo);
            } else if (requireTls) {
                return Attempt.hostProblem(DeliveryResult.defer("a TLS session is required for " + ip
                        + ", but TLS is avoided or failed").withErrno(EximErrno.ERRNO_TLSREQUIRED).withConnection(via), false);
            }
            Authentication auth = authenticate(s, hostName, ip, vars);
            if (auth.problem() != null) {
                s.quit();
                return Attempt.hostProblem(DeliveryResult.defer(auth.problem()).withErrno(EximErrno.ERRNO_AUTHFAIL), false);
            }
            boolean chunking = s.offers("CHUNKING") && matches("hosts_try_chunking", hostName, ip, "*", vars);
            boolean pipelining = s.offers("PIPELINING") && !matches("hosts_avoid_pipelining", hostName, ip, vars);
            via = new DeliveryResult.Connection(hostName, ip, via.tls(), auth.authenticator(), chunking, null)
                    .at(c.endpoints()).pipelined(pipelining);
            return Attempt.done(deliverOver(c, s, via, 1, batch, message, vars, hostName, hold));
        } catch (SmtpSession.Refused e) {
            return refused(e, batch, hostName, ip, via);
        } catch (ExpansionException e) {
            return Attempt.done(all(batch, DeliveryResult.defer(name + " transport: " + e.getMessage())));
        } catch (IOException e) {
            return lost(e, c, via);
        } finally {
            if (!hold.parked) {
                closeQuietly(c);
            }
        }
    }

    /** A refusal of MAIL, RCPT (all recipients) or the data: the batch's results, or a problem with the host. */
    private Attempt refused(SmtpSession.Refused e, List<Delivery> batch, String hostName, String ip,
            DeliveryResult.Connection via) {
        {
            SmtpSession.Refusal r = e.refusal;
            DeliveryResult res = (r.reply().permanent() && r.after().startsWith("MAIL")
                    ? DeliveryResult.fail(r.message()) : DeliveryResult.defer(r.message()))
                    .withUserMessage(r.bounceText(hostName + " [" + ip + "]")).withRemote(ip, r.reply().text())
                    .withErrno(r.after().startsWith("MAIL") ? EximErrno.ERRNO_MAIL4XX
                            : r.after().contains("data") || r.after().equals("DATA") ? EximErrno.ERRNO_DATA4XX : -1)
                    .withConnection(via);
            if (res.kind() == DeliveryResult.Kind.FAIL || r.after().startsWith("MAIL") || r.after().contains("data")) {
                return Attempt.done(all(batch, res));
            }
            return Attempt.hostProblem(res, false);
        }
    }

    /** The connection broke or timed out. */
    private static Attempt lost(IOException e, SmtpConnection c, DeliveryResult.Connection via) {
        String m = e instanceof SocketTimeoutException ? "SMTP timeout after " + c.lastCommand()
                : e.getMessage() == null ? e.toString() : e.getMessage();
        return Attempt.hostProblem(DeliveryResult.defer(m).withErrno(EximErrno.ERRNO_SMTPCLOSED).withConnection(via), false);
    }

    /** The authenticator that succeeded (null: none), or why a required authentication did not happen. */
    private record Authentication(String authenticator, String problem) {
    }

    private Authentication authenticate(SmtpSession s, String hostName, String ip, TransportVariables vars)
            throws IOException, ExpansionException {
        boolean require = matches("hosts_require_auth", hostName, ip, vars);
        if (!require && !matches("hosts_try_auth", hostName, ip, vars)) {
            return new Authentication(null, null);
        }
        List<String> offered = s.authMechanisms();
        boolean triedAny = false;
        for (ClientAuthenticator a : authenticators) {
            if (!offered.contains(a.mechanism())) {
                continue;
            }
            triedAny = true;
            ClientAuthenticator.Outcome o = a.authenticate(s.connection(), vars);
            if (o == ClientAuthenticator.Outcome.OK) {
                return new Authentication(a.name(), null);
            }
            if (o == ClientAuthenticator.Outcome.DEFER) {
                return new Authentication(null, "authentication attempt(s) failed temporarily");
            }
        }
        if (!require) {
            return new Authentication(null, null);
        }
        return new Authentication(null, triedAny ? "authentication required but authentication attempt(s) failed"
                : "authentication required but no suitable authenticator found");
    }

    private List<DeliveryResult> transaction(SmtpSession s, List<Delivery> batch, SmtpMessage message, TransportVariables vars,
            DeliveryResult.Connection via)
            throws IOException, SmtpSession.Refused, ExpansionException {
        Delivery first = batch.get(0);
        String returnPath = first.returnPath() == null ? "" : first.returnPath();
        if (options.has("return_path")) {
            returnPath = Expander.expand(options.string("return_path"), vars);
        }
        StringBuilder params = new StringBuilder();
        int sizeAddition = options.number("size_addition", 1024);
        if (s.offers("SIZE") && sizeAddition >= 0) {
            params.append(" SIZE=").append(first.message().lfSize() + sizeAddition);
        }
        boolean dsn = s.offers("DSN");
        if (dsn) {
            params.append(DsnVariables.mailParameters(first));
        }
        if (via.authenticator() != null) {
            // the transport's authenticated_sender, else the message's own ($authenticated_sender: the
            // client's AUTH=, or bounce_sender_authentication for a bounce)
            String sender = options.has("authenticated_sender") ? Expander.expand(options.string("authenticated_sender"), vars) : "";
            if (sender.isEmpty()) {
                sender = vars.variable("authenticated_sender").orElse("");
            }
            params.append(" AUTH=").append(sender.isEmpty() ? "<>" : org.jexim.conf.text.XText.encode(sender));
        }
        List<String> recipients = batch.stream().map(d -> d.address().address()).toList();
        List<String> rcptParams = dsn ? batch.stream().map(DsnVariables::rcptParameters).toList()
                : Collections.nCopies(batch.size(), "");
        List<SmtpSession.RecipientOutcome> outcomes = s.transaction(returnPath, params.toString(), recipients, rcptParams,
                message, new SmtpSession.Options(via.chunking(), via.pipelining(), timeout("data_timeout", 300),
                        timeout("final_timeout", 600)));
        List<DeliveryResult> results = new ArrayList<>();
        boolean logged = false;
        for (SmtpSession.RecipientOutcome o : outcomes) {
            if (o.delivered()) {
                String confirmation = o.reply().text().replace("\n", "\\n");
                DeliveryResult ok = DeliveryResult.ok(via.confirmed(confirmation)).withSize(s.messageBytes());
                results.add(logged ? ok.asAdditional() : ok);
                logged = true;
                continue;
            }
            SmtpSession.Refusal r = o.refusal();
            DeliveryResult res = r.reply().permanent() ? DeliveryResult.fail(r.message()) : DeliveryResult.defer(r.message())
                    .withErrno(r.after().startsWith("RCPT") ? EximErrno.ERRNO_RCPT4XX : EximErrno.ERRNO_DATA4XX);
            results.add(res.withUserMessage(r.bounceText(via.hostName() + " [" + via.ip() + "]"))
                    .withRemote(via.ip(), r.reply().text()).withConnection(via));
        }
        return results;
    }

    /** The router's hosts, unless the transport's {@code hosts} replace them (none given, or hosts_override). */
    private List<RouteHost> hosts(Delivery d, TransportVariables vars) throws ExpansionException, IOException, TaintedHosts {
        List<RouteHost> routed = HostsVariable.decode(d.address().variables().get(HostsVariable.NAME));
        if (options.has("hosts") && (routed.isEmpty() || options.bool("hosts_override", false))) {
            Expansion.Result list = Expander.parse(options.string("hosts")).evaluateWithTaint(vars);
            if (list.tainted()) {
                throw new TaintedHosts(list.value());
            }
            return hostList("\\N" + list.value() + "\\N", vars);
        }
        return routed;
    }

    /** A hosts list built from message data: Exim will not let a sender choose where mail goes. */
    private static final class TaintedHosts extends Exception {
        TaintedHosts(String list) {
            super(list);
        }
    }

    private List<RouteHost> hostList(String list, TransportVariables vars) throws ExpansionException, IOException {
        if (list == null || list.isBlank()) {
            return List.of();
        }
        List<RouteHost> hosts = new ArrayList<>(HostListParser.resolve(Expander.expand(list, vars)));
        if (options.bool("hosts_randomize", false)) {
            Collections.shuffle(hosts);
        }
        return hosts;
    }

    private int port(TransportVariables vars) {
        try {
            String p = expand("port", vars);
            if (p == null || p.isBlank()) {
                return 25;
            }
            return switch (p.strip()) {
                case "smtp" -> 25;
                case "submission" -> 587;
                case "smtps", "submissions", "urd" -> 465;
                case "lmtp" -> 24;
                default -> Integer.parseInt(p.strip());
            };
        } catch (ExpansionException | NumberFormatException e) {
            return 25;
        }
    }

    private int timeout(String option, int seconds) {
        return 1000 * (options.has(option) ? EximTime.read(options.string(option)) : seconds);
    }

    private String expand(String option, TransportVariables vars) throws ExpansionException {
        String s = options.string(option);
        return s == null ? null : Expander.expand(s, vars);
    }

    private boolean matches(String option, String hostName, String ip, TransportVariables vars) {
        return matches(option, hostName, ip, null, vars);
    }

    /** Whether the host is in the host list of {@code option} (unset: {@code unset}, null for none). */
    private boolean matches(String option, String hostName, String ip, String unset, TransportVariables vars) {
        String list = options.string(option, unset);
        if (list == null || list.isBlank()) {
            return false;
        }
        ListEnv env = ListEnv.of(vars.namedLists(), vars.variable("primary_hostname").orElse(""));
        return Lists.host(ip, hostName, list, env).matched();
    }

    private static List<DeliveryResult> all(List<Delivery> batch, DeliveryResult r) {
        return Collections.nCopies(batch.size(), r);
    }
}
