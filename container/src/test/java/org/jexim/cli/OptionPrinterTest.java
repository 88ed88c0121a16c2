package org.jexim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jexim.conf.model.DriverKind;
import org.jexim.conf.model.ListKind;
import org.jexim.conf.options.SystemAccounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptionPrinterTest {
    @TempDir
    static Path dir;
    static SystemAccounts accounts;

    @BeforeAll
    static void accounts() throws IOException {
        Path passwd = Files.writeString(dir.resolve("passwd"),
                "root:x:0:0:root:/root:/bin/bash\nmail:x:8:12::/:/bin/sh\nexim:x:100:101::/:/bin/sh\n");
        Path group = Files.writeString(dir.resolve("group"), "root:x:0:\nmail:x:8:\nmaildrop:x:12:\neximg:x:101:\n");
        accounts = new SystemAccounts(passwd, group);
    }

    private OptionConfigFixture conf() {
        return new OptionConfigFixture(accounts);
    }

    private record Run(String out, String err, boolean ok) {
    }

    private Run run(OptionConfigFixture f, boolean admin, boolean noLabels, String... words) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        OptionPrintSettings s = new OptionPrintSettings(admin, noLabels, accounts, () -> "host.example");
        boolean ok = new OptionPrinter(f.build(), s, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).print(List.of(words));
        return new Run(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), ok);
    }

    private String print(OptionConfigFixture f, String... words) {
        return run(f, false, false, words).out();
    }

    @Test
    void booleansPrintAsNameOrNoName() {
        OptionConfigFixture f = conf().main("queue_only", "").main("no_accept_8bitmime", "");
        assertThat(print(f, "queue_only", "accept_8bitmime", "allow_mx_to_ip", "bounce_return_body"))
                .isEqualTo("queue_only\nno_accept_8bitmime\nno_allow_mx_to_ip\nbounce_return_body\n");
    }

    @Test
    void numbersAndTimesAsEximPrintsThem() {
        OptionConfigFixture f = conf().main("smtp_accept_max", "0x1F").main("bounce_return_size_limit", "2048")
                .main("message_body_visible", "1536").main("check_spool_space", "1500")
                .main("check_log_space", "3G").main("queue_only_load", "1.50").main("smtp_load_reserve", "2")
                .main("retry_data_expire", "2d4h30m").main("retry_interval_max", "2w")
                .main("delay_warning", "1h:2h:1d").main("remote_max_parallel", "0")
                .main("smtp_receive_timeout", "90s");
        assertThat(print(f, "smtp_accept_max", "bounce_return_size_limit", "message_body_visible",
                "check_spool_space", "check_log_space", "queue_only_load", "smtp_load_reserve",
                "deliver_queue_load_max", "retry_data_expire", "retry_interval_max", "delay_warning",
                "remote_max_parallel", "smtp_receive_timeout", "auto_thaw"))
                .isEqualTo("""
                        smtp_accept_max = 31
                        bounce_return_size_limit = 2K
                        message_body_visible = 1536
                        check_spool_space = 1500K
                        check_log_space = 3G
                        queue_only_load = 1.5
                        smtp_load_reserve = 2.0
                        deliver_queue_load_max =
                        retry_data_expire = 2d4h30m
                        retry_interval_max = 1d
                        delay_warning = 1h:2h:1d
                        remote_max_parallel = 1
                        smtp_receive_timeout = 1m30s
                        auto_thaw = 0s
                        """);
    }

    @Test
    void stringsAreShownWithEscapesForNonPrintingCharacters() {
        OptionConfigFixture f = conf().main("smtp_banner", "\"a\\tb\\nc\"").main("message_size_limit", "20M");
        assertThat(print(f, "smtp_banner", "message_size_limit", "acl_smtp_rcpt", "dsn_from"))
                .isEqualTo("smtp_banner = a\\tb\\nc\nmessage_size_limit = 20M\nacl_smtp_rcpt = \n"
                        + "dsn_from = Mail Delivery System <Mailer-Daemon@$qualify_domain>\n");
    }

    @Test
    void hostNamesDefaultFromTheMachineAndEachOther() {
        assertThat(print(conf(), "primary_hostname", "qualify_domain", "qualify_recipient"))
                .isEqualTo("primary_hostname = host.example\nqualify_domain = host.example\n"
                        + "qualify_recipient = host.example\n");
        assertThat(print(conf().main("qualify_domain", "q.example"), "qualify_domain", "qualify_recipient"))
                .isEqualTo("qualify_domain = q.example\nqualify_recipient = q.example\n");
        assertThat(print(conf().main("spool_directory", "/var/spool/x"), "process_log_path"))
                .isEqualTo("process_log_path = /var/spool/x/exim-process.info\n");
    }

    @Test
    void usersAndGroupsPrintTheirNames() {
        OptionConfigFixture f = conf().main("exim_user", "mail").main("never_users", "root : 8")
                .main("trusted_groups", "0:mail").main("system_filter_user", "100");
        assertThat(print(f, "exim_user", "exim_group", "never_users", "trusted_groups", "admin_groups",
                "system_filter_user", "system_filter_group"))
                .isEqualTo("""
                        exim_user = mail
                        exim_group = maildrop
                        never_users = root:mail
                        trusted_groups = root:mail
                        admin_groups =
                        system_filter_user = exim
                        system_filter_group = eximg
                        """);
    }

    @Test
    void hiddenValuesOnlyForAdmins() {
        OptionConfigFixture f = conf().hiddenMain("smtp_banner", "secret");
        assertThat(run(f, false, false, "smtp_banner").out()).isEqualTo("smtp_banner = <value not displayable>\n");
        assertThat(run(f, false, true, "smtp_banner").out()).isEqualTo("<value not displayable>\n");
        assertThat(run(f, true, false, "smtp_banner").out()).isEqualTo("smtp_banner = secret\n");
        assertThat(run(f, true, true, "smtp_banner").out()).isEqualTo("secret\n");
    }

    @Test
    void unknownOptionsAndTheExitStatusOfTheLastWord() {
        Run r = run(conf(), false, false, "nosuch", "queue_only");
        assertThat(r.out()).isEqualTo("nosuch is not a known option\nno_queue_only\n");
        assertThat(r.ok()).isTrue();
        r = run(conf(), false, false, "queue_only", "nosuch");
        assertThat(r.ok()).isFalse();
    }

    @Test
    void allPrintsEveryMainOptionInTableOrder() {
        String out = print(conf());
        assertThat(out.lines()).hasSize(271);
        assertThat(out).startsWith("accept_8bitmime\nacl_not_smtp = \n").endsWith("write_rejectlog\n");
    }

    @Test
    void driverListsAndInstances() {
        OptionConfigFixture f = conf()
                .driver(DriverKind.ROUTER, "dnslookup", "dnslookup", "domains", "! +local_domains",
                        "transport", "remote_smtp", "no_more", "")
                .driver(DriverKind.ROUTER, "system_aliases", "redirect", "data", "${lookup{$local_part}lsearch{/etc/aliases}}",
                        "allow_fail", "", "hide file_transport", "address_file")
                .driver(DriverKind.TRANSPORT, "remote_smtp", "smtp", "port", "2525", "user", "mail")
                .driver(DriverKind.AUTHENTICATOR, "plain", "plaintext", "server_condition", "yes");
        assertThat(print(f, "router_list")).isEqualTo("dnslookup\nsystem_aliases\n");
        assertThat(print(f, "transport_list", "authenticator_list")).isEqualTo("remote_smtp\nplain\n");
        String routers = print(f, "routers");
        assertThat(routers).startsWith("\ndnslookup router:\naddress_data = \naddress_test\n")
                .contains("\ndomains = ! +local_domains\n", "\ndriver = dnslookup\n", "\nno_more\n",
                        "\nlog_as_local\n".replace("log", "no_log"), "\nmx_domains = \n",
                        "\nsystem_aliases router:\n", "\nallow_fail\n",
                        "\nfile_transport = <value not displayable>\n");
        String one = print(f, "router", "system_aliases");
        assertThat(one).startsWith("address_data = \n").doesNotContain("router:");
        assertThat(one.lines()).hasSize(47 + 49);
        String smtp = print(f, "transport", "remote_smtp");
        assertThat(smtp).contains("\nport = 2525\n", "\nuser = mail\n", "\ngroup = maildrop\n",
                "\nno_retry_use_local_part\n");
        assertThat(print(f, "authenticator", "plain")).contains("\npublic_name = plain\n",
                "\nserver_condition = yes\n");
        Run missing = run(f, false, false, "router", "nosuch");
        assertThat(missing.out()).isEqualTo("router nosuch not found\n");
        assertThat(missing.ok()).isFalse();
    }

    @Test
    void hideOnAGenericOptionHidesItInEveryInstanceOfThatKind() {
        OptionConfigFixture f = conf()
                .driver(DriverKind.ROUTER, "a", "accept", "domains", "one")
                .driver(DriverKind.ROUTER, "b", "accept", "hide domains", "two");
        assertThat(print(f, "router", "a")).contains("\ndomains = <value not displayable>\n");
    }

    @Test
    void macrosNeedAnAdmin() {
        OptionConfigFixture f = conf().macro("ALIASES", "/etc/aliases").macro("X", "1");
        Run denied = run(f, false, false, "macros");
        assertThat(denied.err()).isEqualTo("exim: permission denied\n");
        assertThat(denied.out()).isEmpty();
        assertThat(denied.ok()).isFalse();
        String all = run(f, true, false, "macros").out();
        assertThat(all).startsWith("_DKIM_OVERSIGN_HEADERS=+From:+Sender:").contains("\n_HAVE_TLS=y\n")
                .endsWith("\n_HAVE_CRYPTEQ=y\nALIASES=/etc/aliases\nX=1\n");
        assertThat(all.lines()).hasSize(816 + 2);
        assertThat(run(f, true, false, "macro_list").out()).endsWith("\n_HAVE_CRYPTEQ\nALIASES\nX\n");
        assertThat(run(f, true, false, "macro", "_HAVE_DKIM").out()).isEqualTo("_HAVE_DKIM=y\n");
        assertThat(run(f, true, false, "macro", "X").out()).isEqualTo("X=1\n");
        assertThat(run(f, true, true, "macro", "X").out()).isEqualTo("1\n");
        assertThat(run(f, true, false, "macro", "Y").out()).isEqualTo("macro Y not found\n");
    }

    @Test
    void namedListsAreAlwaysHiddenWhenMarkedHide() {
        OptionConfigFixture f = conf().list(ListKind.DOMAIN, "local_domains", "@ : localhost", false)
                .list(ListKind.HOST, "secret", "10.0.0.0/8", true)
                .list(ListKind.LOCAL_PART, "lp", "a : b", false);
        assertThat(run(f, true, false, "+local_domains", "+secret", "+lp").out())
                .isEqualTo("domainlist local_domains = @ : localhost\nhostlist secret = <value not displayable>\n"
                        + "localpartlist lp = a : b\n");
        Run r = run(f, true, false, "+nosuch");
        assertThat(r.out()).isEqualTo("no address, domain, host, or local part list called \"nosuch\" exists\n");
        assertThat(r.ok()).isFalse();
    }

    @Test
    void configFileAndEnvironment() {
        assertThat(print(conf(), "config_file", "configure_file"))
                .isEqualTo("/etc/jexim/configure\n/etc/jexim/configure\n");
        assertThat(OptionEnvironment.of(java.util.Map.of("PATH", "/bin", "HOME", "/root", "SECRET", "x"),
                "PATH : HOME", "FOO=bar")).containsExactly("FOO=bar", "HOME=/root", "PATH=/bin");
        assertThat(OptionEnvironment.of(java.util.Map.of("PATH", "/bin"), null, null)).isEmpty();
    }
}
