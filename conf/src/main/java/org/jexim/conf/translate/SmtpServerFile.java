package org.jexim.conf.translate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jexim.conf.SourceLocation;
import org.jexim.conf.model.OptionSetting;

/**
 * smtpserver.xml: one SMTP server listening on every local_interfaces x daemon_smtp_ports
 * pair, with the size limit, the banner, and a handler chain whose hooks run the ACLs named
 * by the acl_smtp_* options before James's core command handlers.
 */
final class SmtpServerFile {
    /** ACL options and the hook that runs each. */
    static final Map<String, String> ACL_HOOKS = Map.of(
            "acl_smtp_connect", "ConnectAcl",
            "acl_smtp_helo", "HeloAcl",
            "acl_smtp_mail", "MailAcl",
            "acl_smtp_rcpt", "RcptAcl",
            "acl_smtp_data", "DataAcl",
            "acl_smtp_quit", "QuitAcl");
    static final List<String> ACL_ORDER = List.of(
            "acl_smtp_connect", "acl_smtp_helo", "acl_smtp_mail", "acl_smtp_rcpt", "acl_smtp_data", "acl_smtp_quit");
    /** ACL options that jexim's command handlers (EximHandlers) read from the configuration themselves. */
    static final Map<String, String> ACLS_RUN_BY_COMMANDS = Map.of(
            "acl_smtp_predata", "run by the DATA command before its 354 (EximDataCmd)",
            "acl_smtp_vrfy", "run by the VRFY command (EximVrfyExpnCmd)",
            "acl_smtp_expn", "run by the EXPN command (EximVrfyExpnCmd)",
            "acl_smtp_etrn", "run by the ETRN command (EximVrfyExpnCmd)",
            "acl_smtp_auth", "run by the AUTH command (EximAuthCmd)",
            "acl_smtp_notquit", "run when a connection ends without QUIT (NotQuitAcl)",
            "acl_smtp_mailauth", "run for MAIL's AUTH= parameter (EximAuthCmd)",
            "acl_smtp_starttls", "run by the STARTTLS command before the handshake (EximStartTls)");
    /** ACL options whose ACL the SMTP server never runs, and why (so they are not "dropped"). */
    static final Map<String, String> ACLS_NEVER_RUN_BY_SERVER = Map.of(
            "acl_not_smtp", "runs for local (non-SMTP) submissions, not in the SMTP server",
            "acl_not_smtp_start", "runs for local (non-SMTP) submissions, not in the SMTP server",
            "acl_not_smtp_mime", "runs for local (non-SMTP) submissions, not in the SMTP server",
            "acl_smtp_data_prdr", "run per recipient by -bh when prdr_enable is set; the server does not offer PRDR, so (as in Exim without PRDR) it never runs there");
    /** ACL options the DATA hook runs itself before acl_smtp_data, as Exim does after receiving the message. */
    static final Map<String, String> ACLS_RUN_BY_DATA_HOOK = Map.of(
            "acl_smtp_mime", "run by the DATA hook for each MIME part, before acl_smtp_data",
            "acl_smtp_dkim", "run by the DATA hook for each DKIM signer, before acl_smtp_data");
    private static final Map<String, Integer> PORT_NAMES = Map.of("smtp", 25, "submission", 587, "smtps", 465, "urd", 465);

    private final TranslationContext context;

    SmtpServerFile(TranslationContext context) {
        this.context = context;
    }

    XmlElement build() {
        XmlElement servers = new XmlElement("smtpservers");
        Optional<OptionSetting> ports = context.configuration().mainOption("daemon_smtp_ports");
        Optional<OptionSetting> interfaces = context.configuration().mainOption("local_interfaces");
        List<String> binds = binds(ports, interfaces);
        List<Integer> tlsOnConnect = tlsOnConnectPorts();
        List<String> plain = binds.stream().filter(b -> !tlsOnConnect.contains(port(b))).toList();
        List<String> onConnect = binds.stream().filter(b -> tlsOnConnect.contains(port(b))).toList();
        XmlElement chain = handlerChain();
        if (!plain.isEmpty() || onConnect.isEmpty()) {
            XmlElement server = server(servers, "jexim-smtp", plain, ports, interfaces, chain);
            if (tlsAdvertised()) {
                server.add(tls(false));
            }
        }
        if (tlsAdvertised() || !onConnect.isEmpty()) {
            tlsWarnings();
        }
        if (!onConnect.isEmpty()) {
            context.configuration().mainOption("tls_on_connect_ports").ifPresent(o -> servers.comment(context.origin(o.location())));
            XmlElement server = server(servers, "jexim-smtps", onConnect, ports, interfaces, chain);
            server.add(tls(true));
        }
        return servers;
    }

    private XmlElement server(XmlElement servers, String jmxName, List<String> binds, Optional<OptionSetting> ports,
                              Optional<OptionSetting> interfaces, XmlElement chain) {
        XmlElement server = servers.child("smtpserver").attribute("enabled", "true");
        server.leaf("jmxName", jmxName);
        ports.ifPresent(p -> server.comment(context.origin(p.location())));
        interfaces.ifPresent(i -> server.comment(context.origin(i.location())));
        server.leaf("bind", String.join(", ", binds));
        // smtp_connect_backlog when set; unset, 200 rather than Exim's 20: a JVM accepts in bursts
        server.leaf("connectionBacklog", context.configuration().mainOption("smtp_connect_backlog")
                .map(TranslationContext::text).map(String::strip).orElse("200"));
        XmlElement helo = server.child("helloName");
        Optional<OptionSetting> primary = context.configuration().mainOption("primary_hostname");
        if (primary.isPresent()) {
            helo.attribute("autodetect", "false").text(TranslationContext.text(primary.get()));
        } else {
            helo.attribute("autodetect", "true");
        }
        // the banner is written by org.jexim.smtp.EximBanner from smtp_banner, expanded per connection
        context.configuration().mainOption("smtp_banner").ifPresent(b -> context.checkExpansion(b, "main"));
        sizeLimit(server);
        limits(server);
        server.comment("relaying is decided by the RCPT ACL alone, as in Exim");
        server.leaf("authRequired", "false");
        server.leaf("verifyIdentity", "false");
        server.leaf("addressBracketsEnforcement", "true");
        server.add(chain);
        return server;
    }

    /**
     * smtp_accept_max, smtp_accept_max_per_host and smtp_receive_timeout, where James has the same
     * limit; jexim's server applies the first two itself, with Exim's replies, and James's timeout value.
     */
    private void limits(XmlElement server) {
        Optional<OptionSetting> max = context.configuration().mainOption("smtp_accept_max");
        max.ifPresent(o -> server.comment(context.origin(o.location())));
        server.leaf("connectionLimit", max.map(TranslationContext::text).map(String::strip).orElse("20"));
        context.configuration().mainOption("smtp_accept_max_per_host").ifPresent(o -> {
            String text = TranslationContext.text(o).strip();
            if (text.matches("[0-9]+")) {
                server.comment(context.origin(o.location()));
                server.leaf("connectionLimitPerIP", text);
            } // an expanded value is applied per connection by the server (org.jexim.smtp.ConnectionAdmission)
        });
        Optional<OptionSetting> timeout = context.configuration().mainOption("smtp_receive_timeout");
        timeout.ifPresent(o -> server.comment(context.origin(o.location())));
        long seconds = timeout.map(TranslationContext::text).map(SmtpServerFile::seconds).orElse(300L);
        if (seconds > 0) {
            server.leaf("connectiontimeout", Long.toString(seconds));
        }
    }

    /** An Exim time value (5m, 1h30m, 30s, 90) in seconds. */
    static long seconds(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9]+)([wdhms]?)").matcher(text.strip());
        long total = 0;
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            total += switch (m.group(2)) {
                case "w" -> n * 7 * 86400;
                case "d" -> n * 86400;
                case "h" -> n * 3600;
                case "m" -> n * 60;
                default -> n;
            };
        }
        return total;
    }

    /** STARTTLS is on unless tls_advertise_hosts is set empty, as in Exim 4.96. */
    private boolean tlsAdvertised() {
        return context.configuration().mainOption("tls_advertise_hosts").map(TranslationContext::text)
                .map(t -> !t.isBlank()).orElse(true);
    }

    /** The TLS options jexim does not apply, each with what happens instead. */
    private void tlsWarnings() {
        context.configuration().mainOption("tls_require_ciphers").filter(o -> !TranslationContext.text(o).isBlank())
                .ifPresent(o -> context.warning(o.location(), "tls_require_ciphers: GnuTLS/OpenSSL priority strings are "
                        + "not mapped; Java's default protocols and cipher suites apply"));
        for (String option : List.of("tls_verify_hosts", "tls_try_verify_hosts")) {
            context.configuration().mainOption(option).filter(o -> !TranslationContext.text(o).isBlank())
                    .ifPresent(o -> context.warning(o.location(), option + ": client certificates are not requested "
                            + "by jexim yet; $tls_in_peerdn stays unset"));
        }
    }

    private List<Integer> tlsOnConnectPorts() {
        List<Integer> out = new ArrayList<>();
        context.configuration().mainOption("tls_on_connect_ports").ifPresent(o -> {
            for (String p : ListSplitter.items(TranslationContext.text(o))) {
                Integer n = PORT_NAMES.get(p);
                try {
                    out.add(n != null ? n : Integer.parseInt(p));
                } catch (NumberFormatException e) {
                    context.problem(o.location(), "tls_on_connect_ports: unknown port \"" + p + "\"");
                }
            }
        });
        return out;
    }

    private static int port(String bind) {
        return Integer.parseInt(bind.substring(bind.lastIndexOf(':') + 1));
    }

    /**
     * James's TLS element: the PEM files of tls_certificate and tls_privatekey (the key defaults
     * to the certificate's file, as in Exim), or, when no certificate is configured, the
     * self-signed one the server generates at its first start (as Exim 4.96 does).
     */
    private XmlElement tls(boolean onConnect) {
        XmlElement tls = new XmlElement("tls").attribute("socketTLS", Boolean.toString(onConnect))
                .attribute("startTLS", Boolean.toString(!onConnect));
        Optional<OptionSetting> certificate = context.configuration().mainOption("tls_certificate")
                .filter(o -> !TranslationContext.text(o).isBlank());
        if (certificate.isPresent()) {
            String cert = TranslationContext.text(certificate.get()).strip();
            String key = context.configuration().mainOption("tls_privatekey").map(TranslationContext::text).map(String::strip)
                    .filter(k -> !k.isEmpty()).orElse(cert);
            if (cert.contains("$") || key.contains("$")) {
                context.warning(certificate.get().location(), "tls_certificate/tls_privatekey: file names that need "
                        + "expanding (per SNI or per interface) are not supported; a self-signed certificate is used");
                certificate = Optional.empty();
            } else {
                tls.comment(context.origin(certificate.get().location()));
                tls.leaf("privateKey", "file://" + key);
                tls.leaf("certificates", "file://" + cert);
            }
        }
        if (certificate.isEmpty()) {
            tls.comment("tls_certificate unset: a self-signed certificate made at first start, as Exim 4.96 makes one");
            tls.leaf("keystore", "file://conf/" + SelfSignedKeystore.FILE_NAME);
            tls.leaf("keystoreType", "PKCS12");
            tls.leaf("secret", SelfSignedKeystore.SECRET);
        }
        return tls;
    }

    private void sizeLimit(XmlElement server) {
        Optional<OptionSetting> limit = context.configuration().mainOption("message_size_limit");
        long bytes = 50L * 1024 * 1024;
        if (limit.isPresent()) {
            server.comment(context.origin(limit.get().location()));
            String text = TranslationContext.text(limit.get()).strip();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9]+)([KkMmGg]?)").matcher(text);
            if (limit.get().value() instanceof Number n) {
                bytes = n.longValue();
            } else if (m.matches()) {
                long unit = switch (m.group(2).toUpperCase(java.util.Locale.ROOT)) {
                    case "K" -> 1024L;
                    case "M" -> 1024L * 1024;
                    case "G" -> 1024L * 1024 * 1024;
                    default -> 1L;
                };
                bytes = Long.parseLong(m.group(1)) * unit;
            } else {
                context.problem(limit.get().location(),
                        "message_size_limit: an expanded limit is not supported yet");
            }
        } else {
            server.comment("message_size_limit unset: Exim's default, 50M");
        }
        server.leaf("maxmessagesize", Long.toString((bytes + 1023) / 1024));
    }

    private XmlElement handlerChain() {
        // Exim's protocol texts: James's core handlers with jexim's banner, spooling and reply wording
        XmlElement chain = new XmlElement("handlerchain").attribute("enableJmx", "false")
                .attribute("coreHandlersPackage", Translator.JEXIM_SMTP + "EximHandlers");
        chain.comment("hosts_require_helo: MAIL needs HELO/EHLO first, checked before the MAIL ACL");
        chain.child("handler").attribute("class", Translator.JEXIM_SMTP + "HeloRequired");
        chain.comment("check_spool_space and friends: 452 at MAIL before the MAIL ACL, as in Exim");
        chain.child("handler").attribute("class", Translator.JEXIM_SMTP + "SpoolSpaceHook");
        chain.comment("header_maxsize and header_line_maxsize: 552 before the MIME and DATA ACLs, as in Exim");
        chain.child("handler").attribute("class", Translator.JEXIM_SMTP + "HeaderLimitsHook");
        chain.comment("jexim's ACL hooks come first, so that their answer is final");
        for (String option : ACL_ORDER) {
            Optional<OptionSetting> setting = context.configuration().mainOption(option);
            boolean dataHookNeeded = option.equals("acl_smtp_data")
                    && ACLS_RUN_BY_DATA_HOOK.keySet().stream().anyMatch(o -> context.configuration().mainOption(o).isPresent());
            if (setting.isEmpty() && !option.equals("acl_smtp_rcpt") && !dataHookNeeded) {
                continue;
            }
            XmlElement handler;
            if (setting.isPresent()) {
                chain.comment(context.origin(setting.get().location()));
                handler = chain.child("handler").attribute("class", Translator.JEXIM_SMTP + ACL_HOOKS.get(option));
                handler.leaf("acl", aclName(setting.get()));
            } else if (dataHookNeeded) {
                chain.comment("acl_smtp_data unset: the DATA hook runs acl_smtp_mime/acl_smtp_dkim and accepts");
                chain.child("handler").attribute("class", Translator.JEXIM_SMTP + ACL_HOOKS.get(option));
            } else {
                chain.comment("acl_smtp_rcpt unset: Exim refuses every recipient");
                chain.child("handler").attribute("class", Translator.JEXIM_SMTP + ACL_HOOKS.get(option));
            }
        }
        for (var e : context.configuration().mainOptions().entrySet()) {
            String option = e.getKey();
            if (option.startsWith("acl_") && !ACL_HOOKS.containsKey(option)) {
                if (ACLS_RUN_BY_COMMANDS.containsKey(option)) {
                    chain.comment(context.origin(e.getValue().location()) + " - " + ACLS_RUN_BY_COMMANDS.get(option));
                } else if (ACLS_RUN_BY_DATA_HOOK.containsKey(option)) {
                    chain.comment(context.origin(e.getValue().location()) + " - " + ACLS_RUN_BY_DATA_HOOK.get(option));
                } else if (ACLS_NEVER_RUN_BY_SERVER.containsKey(option)) {
                    chain.comment(context.origin(e.getValue().location()) + " - not in the server: "
                            + ACLS_NEVER_RUN_BY_SERVER.get(option));
                } else {
                    context.problem(e.getValue().location(), option + ": ACLs at this SMTP stage are not supported yet");
                }
            }
        }
        return chain;
    }

    /** The ACL an option names (inline ACL text becomes an ACL of its own); a problem when it cannot be known. */
    private String aclName(OptionSetting setting) {
        String text = TranslationContext.text(setting).strip();
        Optional<String> name = context.inlineAcls().resolve(setting, context.configuration().acls());
        if (name.isEmpty()) {
            context.problem(setting.location(), setting.name() + ": \"" + text + "\" is not an ACL of the acl section"
                    + (text.contains("$") ? " (ACL names built by expansion are not supported yet)"
                    : text.startsWith("/") ? " (ACL files are not supported yet)" : ""));
            return text;
        }
        return name.get();
    }

    private List<String> binds(Optional<OptionSetting> ports, Optional<OptionSetting> interfaces) {
        List<Integer> portList = new ArrayList<>();
        SourceLocation portLocation = ports.map(OptionSetting::location).orElse(null);
        for (String p : ListSplitter.items(ports.map(TranslationContext::text).orElse("smtp"))) {
            Integer n = PORT_NAMES.get(p);
            if (n == null) {
                try {
                    n = Integer.parseInt(p);
                } catch (NumberFormatException e) {
                    context.problem(portLocation, "daemon_smtp_ports: unknown port \"" + p + "\"");
                    continue;
                }
            }
            portList.add(n);
        }
        List<String> binds = new ArrayList<>();
        SourceLocation ifLocation = interfaces.map(OptionSetting::location).orElse(null);
        List<String> addresses = interfaces.map(i -> ListSplitter.items(TranslationContext.text(i)))
                .orElse(List.of("0.0.0.0"));
        for (String item : addresses) {
            String address = item;
            Integer fixedPort = null;
            var withPort = java.util.regex.Pattern.compile("^\\[?([0-9a-fA-F:.]+?)\\]?[.:]([0-9]+)$").matcher(item);
            if (item.matches("[0-9]+(\\.[0-9]+){4}") || item.startsWith("[")) {
                if (withPort.matches()) {
                    address = withPort.group(1);
                    fixedPort = Integer.parseInt(withPort.group(2));
                }
            }
            if (address.contains(":")) {
                context.warning(ifLocation, "local_interfaces: IPv6 address " + address
                        + " is not listened on (James binds IPv4 addresses only)");
                continue;
            }
            for (Integer port : fixedPort == null ? portList : List.of(fixedPort)) {
                binds.add(address + ":" + port);
            }
        }
        return binds;
    }
}
