package org.jexim.conf.options;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jexim.conf.model.DriverKind;
import org.junit.jupiter.api.Test;

class OptionTablesTest {

    private static OptionDef main(String name) {
        return OptionTables.main().find(name).orElseThrow();
    }

    private static OptionDef priv(DriverKind kind, String driver, String name) {
        return OptionTables.driver(kind, driver).orElseThrow().find(name).orElseThrow();
    }

    @Test
    void mainScopeHasEveryOptionExim496Prints() {
        assertThat(OptionTables.main().all()).hasSize(271);
        assertThat(OptionTables.main().allIncludingHidden()).hasSize(273);
        assertThat(OptionTables.main().all()).first().extracting(OptionDef::name).isEqualTo("accept_8bitmime");
        assertThat(OptionTables.main().all()).last().extracting(OptionDef::name).isEqualTo("write_rejectlog");
    }

    @Test
    void genericScopes() {
        assertThat(OptionTables.generic(DriverKind.ROUTER).all()).hasSize(47);
        assertThat(OptionTables.generic(DriverKind.ROUTER).allIncludingHidden()).hasSize(49);
        assertThat(OptionTables.generic(DriverKind.TRANSPORT).all()).hasSize(26);
        assertThat(OptionTables.generic(DriverKind.AUTHENTICATOR).all()).hasSize(9);
    }

    @Test
    void privateScopes() {
        int[] routers = {0, 13, 0, 8, 6, 5, 49};
        List<String> names = OptionTables.driverNames(DriverKind.ROUTER);
        assertThat(names).containsExactly("accept", "dnslookup", "ipliteral", "iplookup", "manualroute",
                "queryprogram", "redirect");
        for (int i = 0; i < routers.length; i++) {
            assertThat(OptionTables.driver(DriverKind.ROUTER, names.get(i)).orElseThrow().all())
                    .as(names.get(i)).hasSize(routers[i]);
        }
        assertThat(OptionTables.driverNames(DriverKind.TRANSPORT))
                .containsExactly("appendfile", "autoreply", "lmtp", "pipe", "smtp");
        assertThat(OptionTables.driver(DriverKind.TRANSPORT, "appendfile").orElseThrow().all()).hasSize(53);
        assertThat(OptionTables.driver(DriverKind.TRANSPORT, "autoreply").orElseThrow().all()).hasSize(18);
        assertThat(OptionTables.driver(DriverKind.TRANSPORT, "lmtp").orElseThrow().all()).hasSize(6);
        assertThat(OptionTables.driver(DriverKind.TRANSPORT, "pipe").orElseThrow().all()).hasSize(30);
        assertThat(OptionTables.driver(DriverKind.TRANSPORT, "smtp").orElseThrow().all()).hasSize(78);
        assertThat(OptionTables.driverNames(DriverKind.AUTHENTICATOR))
                .containsExactly("cram_md5", "cyrus_sasl", "dovecot", "external", "plaintext", "spa", "tls");
        assertThat(OptionTables.allDriverNames(DriverKind.AUTHENTICATOR)).contains("gsasl", "heimdal_gssapi");
        assertThat(OptionTables.driver(DriverKind.AUTHENTICATOR, "gsasl").orElseThrow().all()).hasSize(15);
        assertThat(OptionTables.driver(DriverKind.AUTHENTICATOR, "heimdal_gssapi").orElseThrow().all()).hasSize(3);
        assertThat(OptionTables.driver(DriverKind.AUTHENTICATOR, "spa").orElseThrow().all()).hasSize(4);
        assertThat(OptionTables.driver(DriverKind.ROUTER, "nosuch")).isEmpty();
    }

    @Test
    void typesAsEximDeclaresThem() {
        assertThat(main("accept_8bitmime").type()).isEqualTo(OptionType.BOOL);
        assertThat(main("smtp_accept_max").type()).isEqualTo(OptionType.INT);
        assertThat(main("bounce_return_size_limit").type()).isEqualTo(OptionType.MKINT);
        assertThat(main("check_spool_space").type()).isEqualTo(OptionType.KINT);
        assertThat(main("queue_only_load").type()).isEqualTo(OptionType.FIXED);
        assertThat(main("retry_interval_max").type()).isEqualTo(OptionType.TIME);
        assertThat(main("delay_warning").type()).isEqualTo(OptionType.TIMELIST);
        assertThat(main("exim_user").type()).isEqualTo(OptionType.UID);
        assertThat(main("exim_group").type()).isEqualTo(OptionType.GID);
        assertThat(main("never_users").type()).isEqualTo(OptionType.UIDLIST);
        assertThat(main("trusted_groups").type()).isEqualTo(OptionType.GIDLIST);
        assertThat(main("smtp_receive_timeout").type()).isEqualTo(OptionType.FUNC);
        assertThat(priv(DriverKind.TRANSPORT, "appendfile", "mode").type()).isEqualTo(OptionType.OCTINT);
        assertThat(priv(DriverKind.TRANSPORT, "appendfile", "maildir_use_size_file").type())
                .isEqualTo(OptionType.EXPAND_BOOL);
        assertThat(OptionTables.generic(DriverKind.ROUTER).find("user").orElseThrow().type())
                .isEqualTo(OptionType.EXPAND_UID);
        assertThat(OptionTables.generic(DriverKind.TRANSPORT).find("headers_rewrite").orElseThrow().type())
                .isEqualTo(OptionType.REWRITE);
        assertThat(OptionTables.generic(DriverKind.ROUTER).find("unseen").orElseThrow().type())
                .isEqualTo(OptionType.EXPAND_BOOL);
    }

    @Test
    void messageSizeLimitIsAnExpandedStringIn496() {
        OptionDef d = main("message_size_limit");
        assertThat(d.type()).isEqualTo(OptionType.STRING);
        assertThat(d.expanded()).isTrue();
        assertThat(d.defaultText()).isEqualTo("50M");
        assertThat(main("smtp_accept_max_per_host").type()).isEqualTo(OptionType.STRING);
        assertThat(main("queue_run_max").type()).isEqualTo(OptionType.STRING);
    }

    @Test
    void expandedStringsCarryTheSpecsDagger() {
        assertThat(main("smtp_banner").expanded()).isTrue();
        assertThat(main("spool_directory").expanded()).isTrue();
        assertThat(main("primary_hostname").expanded()).isFalse();
        assertThat(priv(DriverKind.TRANSPORT, "appendfile", "file").expanded()).isTrue();
        assertThat(OptionTables.generic(DriverKind.ROUTER).find("driver").orElseThrow().expanded()).isFalse();
    }

    @Test
    void defaultsAsMinusBpPrintsThem() {
        assertThat(main("accept_8bitmime").defaultText()).isEqualTo("true");
        assertThat(main("allow_domain_literals").defaultText()).isEqualTo("false");
        assertThat(main("acl_smtp_rcpt").defaultText()).isNull();
        assertThat(main("auto_thaw").defaultText()).isEqualTo("0s");
        assertThat(main("check_spool_space").defaultText()).isEqualTo("10M");
        assertThat(main("smtp_receive_timeout").defaultText()).isEqualTo("5m");
        assertThat(priv(DriverKind.TRANSPORT, "appendfile", "mode").defaultText()).isEqualTo("0600");
        OptionDef logAsLocal = OptionTables.generic(DriverKind.ROUTER).find("log_as_local").orElseThrow();
        assertThat(OptionTables.genericDefault(DriverKind.ROUTER, "accept", logAsLocal)).isEqualTo("true");
        assertThat(OptionTables.genericDefault(DriverKind.ROUTER, "dnslookup", logAsLocal)).isEqualTo("false");
        OptionDef retry = OptionTables.generic(DriverKind.TRANSPORT).find("retry_use_local_part").orElseThrow();
        assertThat(OptionTables.genericDefault(DriverKind.TRANSPORT, "pipe", retry)).isEqualTo("true");
        assertThat(OptionTables.genericDefault(DriverKind.TRANSPORT, "smtp", retry)).isEqualTo("false");
    }

    @Test
    void hiddenSynonymsAndRepeatableOptions() {
        OptionDef port = main("daemon_smtp_port");
        assertThat(port.hidden()).isTrue();
        assertThat(port.targets()).containsExactly("daemon_smtp_ports");
        assertThat(OptionTables.main().all()).noneMatch(d -> d.name().equals("daemon_smtp_port"));
        assertThat(main("daemon_smtp_ports").targets()).containsExactly("daemon_smtp_ports");
        OptionDef verify = OptionTables.generic(DriverKind.ROUTER).find("verify").orElseThrow();
        assertThat(verify.targets()).containsExactly("verify_sender", "verify_recipient");
        assertThat(OptionTables.generic(DriverKind.ROUTER).find("condition").orElseThrow().repeat())
                .isEqualTo(OptionDef.Repeat.CONDITION);
        assertThat(OptionTables.generic(DriverKind.TRANSPORT).find("headers_add").orElseThrow().repeat())
                .isEqualTo(OptionDef.Repeat.LIST);
        assertThat(OptionTables.generic(DriverKind.ROUTER).find("set").orElseThrow().repeat())
                .isEqualTo(OptionDef.Repeat.LIST);
        assertThat(main("acl_smtp_rcpt").repeat()).isEqualTo(OptionDef.Repeat.NONE);
    }
}
