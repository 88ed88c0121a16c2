package org.jexim.conf.options;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jexim.conf.SourceLocation;
import org.jexim.conf.model.DriverInstance;
import org.jexim.conf.model.DriverKind;
import org.jexim.conf.model.OptionSetting;
import org.junit.jupiter.api.Test;

class EffectiveOptionsTest {
    private static final SourceLocation AT = new SourceLocation(Path.of("configure"), 1);

    /** A driver instance with options given as name, text pairs. */
    private static EffectiveOptions driver(DriverKind kind, String driver, String... options) throws Exception {
        Map<String, OptionSetting> set = new LinkedHashMap<>();
        OptionTable priv = OptionTables.driver(kind, driver).orElseThrow();
        for (int i = 0; i < options.length; i += 2) {
            String name = options[i];
            OptionDef d = priv.find(name).or(() -> OptionTables.generic(kind).find(name)).orElseThrow();
            set.put(d.name(), new OptionSetting(d, OptionValues.parse(d, options[i + 1]), options[i + 1], false, AT));
        }
        return EffectiveOptions.driver(new DriverInstance(kind, "x", driver, set, AT));
    }

    @Test
    void staticDefaultsAreTyped() throws Exception {
        EffectiveOptions main = EffectiveOptions.main(Map.of());
        assertThat(main.value("message_size_limit")).isEqualTo("50M");
        assertThat(main.value("check_spool_space")).isEqualTo(10240L);
        assertThat(main.value("bounce_return_size_limit")).isEqualTo(102400L);
        assertThat(main.value("smtp_receive_timeout")).isEqualTo(300L);
        assertThat(main.value("accept_8bitmime")).isEqualTo(true);
        assertThat(main.value("acl_smtp_rcpt")).isNull();
        assertThat((String) main.value("received_header_text")).startsWith("Received: ").contains("\n\t");
        assertThat(main.value("daemon_smtp_port")).isEqualTo("smtp");
    }

    @Test
    void appendfileMboxAffixesOnlyForASingleFile() throws Exception {
        EffectiveOptions mbox = driver(DriverKind.TRANSPORT, "appendfile", "file", "/var/mail/$local_part");
        assertThat(mbox.value("check_string")).isEqualTo("From ");
        assertThat(mbox.value("escape_string")).isEqualTo(">From ");
        assertThat(mbox.value("message_suffix")).isEqualTo("\n");
        assertThat(mbox.value("retry_use_local_part")).isEqualTo(true);
        EffectiveOptions maildir = driver(DriverKind.TRANSPORT, "appendfile", "directory", "/m", "maildir_format", "");
        assertThat(maildir.value("check_string")).isNull();
        assertThat(maildir.value("message_prefix")).isNull();
        EffectiveOptions bsmtp = driver(DriverKind.TRANSPORT, "appendfile", "file", "/f", "use_bsmtp", "");
        assertThat(bsmtp.value("check_string")).isEqualTo(".");
        assertThat(bsmtp.value("escape_string")).isEqualTo("..");
        EffectiveOptions flock = driver(DriverKind.TRANSPORT, "appendfile", "file", "/f", "use_flock_lock", "");
        assertThat(flock.value("use_fcntl_lock")).isEqualTo(false);
        assertThat(flock.value("lock_fcntl_timeout")).isEqualTo(0L);
    }

    @Test
    void smtpPortFollowsTheProtocol() throws Exception {
        assertThat(driver(DriverKind.TRANSPORT, "smtp").value("port")).isEqualTo("smtp");
        assertThat(driver(DriverKind.TRANSPORT, "smtp", "protocol", "lmtp").value("port")).isEqualTo("lmtp");
        assertThat(driver(DriverKind.TRANSPORT, "smtp", "port", "2525").value("port")).isEqualTo("2525");
        assertThat(driver(DriverKind.TRANSPORT, "smtp").value("retry_use_local_part")).isEqualTo(false);
    }

    @Test
    void routerAndAuthenticatorInitValues() throws Exception {
        assertThat(driver(DriverKind.ROUTER, "accept").value("retry_use_local_part")).isEqualTo(false);
        assertThat(driver(DriverKind.ROUTER, "accept", "check_local_user", "").value("retry_use_local_part"))
                .isEqualTo(true);
        assertThat(driver(DriverKind.ROUTER, "accept", "local_parts", "a").value("retry_use_local_part"))
                .isEqualTo(true);
        assertThat(driver(DriverKind.ROUTER, "redirect", "data", "x", "check_local_user", "").value("check_owner"))
                .isEqualTo(true);
        assertThat(driver(DriverKind.ROUTER, "redirect", "data", "x").value("check_owner")).isEqualTo(false);
        assertThat(driver(DriverKind.ROUTER, "redirect", "data", "x", "one_time", "").value("forbid_pipe"))
                .isEqualTo(true);
        assertThat(driver(DriverKind.AUTHENTICATOR, "plaintext").value("public_name")).isEqualTo("x");
        assertThat(driver(DriverKind.AUTHENTICATOR, "tls", "public_name", "Y").value("public_name")).isEqualTo("x");
        assertThat(driver(DriverKind.AUTHENTICATOR, "cyrus_sasl", "public_name", "PLAIN").value("server_mech"))
                .isEqualTo("PLAIN");
        assertThat(driver(DriverKind.ROUTER, "accept").value("log_as_local")).isEqualTo(true);
    }
}
