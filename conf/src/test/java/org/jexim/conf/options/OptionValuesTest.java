package org.jexim.conf.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jexim.conf.model.DriverKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptionValuesTest {
    @TempDir
    static Path dir;
    static SystemAccounts accounts;

    @BeforeAll
    static void accounts() throws IOException {
        Path passwd = Files.writeString(dir.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\nmail:x:8:8::/:/bin/sh\n");
        Path group = Files.writeString(dir.resolve("group"), "root:x:0:\nmail:x:8:\n");
        accounts = new SystemAccounts(passwd, group);
    }

    private static Object parse(String option, String text) throws OptionValueException {
        return OptionValues.parse(OptionTables.main().find(option).orElseThrow(), text, accounts);
    }

    private static Object parse(DriverKind kind, String driver, String option, String text) throws OptionValueException {
        OptionTable t = OptionTables.driver(kind, driver).orElseThrow();
        OptionDef d = t.find(option).or(() -> OptionTables.generic(kind).find(option)).orElseThrow();
        return OptionValues.parse(d, text, accounts);
    }

    private static void refused(String option, String text, String message) {
        assertThatThrownBy(() -> parse(option, text)).isInstanceOf(OptionValueException.class).hasMessage(message);
    }

    @Test
    void booleans() throws Exception {
        assertThat(parse("queue_only", "")).isEqualTo(true);
        assertThat(parse("queue_only", "true")).isEqualTo(true);
        assertThat(parse("queue_only", "YES")).isEqualTo(true);
        assertThat(parse("queue_only", "false")).isEqualTo(false);
        assertThat(parse("queue_only", "no")).isEqualTo(false);
        refused("queue_only", "maybe", "\"maybe\" is not a valid value for the \"queue_only\" option");
        refused("queue_only", "\"yes\"", "\"\" is not a valid value for the \"queue_only\" option");
        refused("queue_only", "yes junk", "extra characters follow \"yes\" for boolean option queue_only");
        refused("queue_only", "yes #c", "extra characters follow \"yes\" for boolean option queue_only"
                + " (# is comment only at line start)");
    }

    @Test
    void expandedBooleansKeepAStringWithDollar() throws Exception {
        assertThat(parse(DriverKind.ROUTER, "accept", "unseen", "yes")).isEqualTo(true);
        assertThat(parse(DriverKind.ROUTER, "accept", "unseen", "${if eq{$local_part}{x}}"))
                .isEqualTo("${if eq{$local_part}{x}}");
        assertThat(parse(DriverKind.TRANSPORT, "appendfile", "maildir_use_size_file", "false")).isEqualTo(false);
    }

    @Test
    void integers() throws Exception {
        assertThat(parse("smtp_accept_max", "12")).isEqualTo(12L);
        assertThat(parse("smtp_accept_max", "-5")).isEqualTo(-5L);
        assertThat(parse("smtp_accept_max", "0x1F")).isEqualTo(31L);
        assertThat(parse("smtp_accept_max", "017")).isEqualTo(15L);
        assertThat(parse("smtp_accept_max", "2k")).isEqualTo(2048L);
        assertThat(parse("smtp_accept_max", "2K")).isEqualTo(2048L);
        assertThat(parse("smtp_accept_max", "2M")).isEqualTo(2097152L);
        assertThat(parse("smtp_accept_max", "1G")).isEqualTo(1073741824L);
        assertThat(parse("smtp_accept_max", "2147483647")).isEqualTo(2147483647L);
        assertThat(parse("bounce_return_size_limit", "10K")).isEqualTo(10240L);
        refused("smtp_accept_max", "abc", "integer expected for smtp_accept_max");
        refused("smtp_accept_max", "", "integer expected for smtp_accept_max");
        refused("smtp_accept_max", "\"12\"", "integer expected for smtp_accept_max");
        refused("smtp_accept_max", "99999999999", "absolute value of integer \"99999999999\" is too large (overflow)");
        refused("smtp_accept_max", "99999999999999999999",
                "absolute value of integer \"99999999999999999999\" is too large (overflow)");
        refused("smtp_accept_max", "3000000K", "absolute value of integer \"3000000K\" is too large (overflow)");
        refused("smtp_accept_max", "2T", "absolute value of integer \"2T\" is too large (overflow)");
        refused("smtp_accept_max", "2G", "absolute value of integer \"2G\" is too large (overflow)");
        refused("smtp_accept_max", "12 x", "extra characters follow integer value for smtp_accept_max");
        refused("smtp_accept_max", "08", "extra characters follow integer value for smtp_accept_max");
    }

    @Test
    void octalIntegers() throws Exception {
        assertThat(parse(DriverKind.TRANSPORT, "appendfile", "mode", "0644")).isEqualTo(0644L);
        assertThat(parse(DriverKind.TRANSPORT, "appendfile", "mode", "644")).isEqualTo(0644L);
        assertThatThrownBy(() -> parse(DriverKind.TRANSPORT, "appendfile", "mode", "abc"))
                .hasMessage("octal integer expected for mode");
        assertThatThrownBy(() -> parse(DriverKind.TRANSPORT, "appendfile", "mode", "0689"))
                .hasMessage("extra characters follow octal integer value for mode");
    }

    @Test
    void integersCountedInK() throws Exception {
        assertThat(parse("check_spool_space", "1500")).isEqualTo(1500L);
        assertThat(parse("check_spool_space", "10K")).isEqualTo(10L);
        assertThat(parse("check_spool_space", "10M")).isEqualTo(10240L);
        assertThat(parse("check_spool_space", "3G")).isEqualTo(3145728L);
        refused("check_spool_space", "abc", "integer expected for check_spool_space");
        refused("check_spool_space", "99999999999999999999",
                "absolute value of integer \"99999999999999999999\" is too large (overflow)");
        refused("check_spool_space", "10 x", "extra characters follow integer value for check_spool_space");
    }

    @Test
    void fixedPoint() throws Exception {
        assertThat(parse("queue_only_load", "1.5")).isEqualTo(1500L);
        assertThat(parse("queue_only_load", "2")).isEqualTo(2000L);
        assertThat(parse("queue_only_load", "0.125")).isEqualTo(125L);
        assertThat(parse("queue_only_load", "9999999")).isEqualTo(1410064408L);   // Exim's int wraps
        refused("queue_only_load", "abc", "fixed-point number expected for queue_only_load");
        refused("queue_only_load", "-1", "integer \"-1\" is too large (overflow)");
        refused("queue_only_load", "1.5x", "extra characters follow fixed-point value for queue_only_load");
    }

    @Test
    void times() throws Exception {
        assertThat(parse("retry_interval_max", "2d4h30m")).isEqualTo(189000L);
        assertThat(parse("retry_interval_max", "2w")).isEqualTo(1209600L);
        assertThat(parse("retry_interval_max", "30s")).isEqualTo(30L);
        assertThat(parse("retry_interval_max", "1h1h")).isEqualTo(7200L);
        refused("retry_interval_max", "3x", "invalid time value for retry_interval_max");
        refused("retry_interval_max", "90", "invalid time value for retry_interval_max");
        refused("retry_interval_max", "1h 30m", "invalid time value for retry_interval_max");
        refused("retry_interval_max", "1.5h", "invalid time value for retry_interval_max");
        refused("retry_interval_max", "", "invalid time value for retry_interval_max");
    }

    @Test
    void timeLists() throws Exception {
        assertThat(parse("delay_warning", "1h:2h:1d")).isEqualTo(List.of(3600L, 7200L, 86400L));
        assertThat(parse("delay_warning", "1h : 2h")).isEqualTo(List.of(3600L, 7200L));
        assertThat(parse("delay_warning", "0s")).isEqualTo(List.of());
        refused("delay_warning", "2h:1h", "time value out of order for delay_warning");
        refused("delay_warning", "2h:junk", "invalid time value for delay_warning");
        refused("delay_warning", "1s:2s:3s:4s:5s:6s:7s:8s:9s:10s:11s", "too many time values for delay_warning");
    }

    @Test
    void smtpReceiveTimeoutIsATimeOrAnExpansion() throws Exception {
        assertThat(parse("smtp_receive_timeout", "30s")).isEqualTo(30L);
        assertThat(parse("smtp_receive_timeout", "${if true{1m}}")).isEqualTo("${if true{1m}}");
        refused("smtp_receive_timeout", "30x", "invalid time value for smtp_receive_timeout");
    }

    @Test
    void strings() throws Exception {
        assertThat(parse("message_size_limit", "abc")).isEqualTo("abc");
        assertThat(parse("message_size_limit", "50M")).isEqualTo("50M");
        assertThat(parse("smtp_banner", "\"a\\tb\\n\\x41\\101\\\\\"")).isEqualTo("a\tb\nAA\\");
        assertThat(parse("smtp_banner", "a \"quoted\" word")).isEqualTo("a \"quoted\" word");
        refused("message_size_limit", "\"abc", "missing quote at end of string value for message_size_limit");
        refused("message_size_limit", "\"", "missing quote at end of string value for message_size_limit");
        refused("message_size_limit", "\"abc\" x", "extra characters follow string value for message_size_limit");
    }

    @Test
    void usersAndGroupsAreKeptAsWritten() throws Exception {
        assertThat(parse("exim_user", "mail")).isEqualTo("mail");
        assertThat(parse("exim_user", "1234")).isEqualTo("1234");
        assertThat(parse("exim_group", "mail")).isEqualTo("mail");
        refused("exim_user", "nosuchuser", "user nosuchuser was not found");
        refused("exim_group", "nosuchgroup", "group nosuchgroup was not found");
        assertThat(parse("never_users", "root : mail")).isEqualTo(List.of("root", "mail"));
        assertThat(parse("trusted_groups", "<; root ; mail")).isEqualTo(List.of("root", "mail"));
        refused("never_users", "root:nosuch", "user nosuch was not found");
        refused("trusted_groups", "nosuch", "group nosuch was not found");
        assertThat(parse(DriverKind.TRANSPORT, "pipe", "user", "$local_part")).isEqualTo("$local_part");
        assertThat(parse(DriverKind.TRANSPORT, "pipe", "group", "mail")).isEqualTo("mail");
        assertThatThrownBy(() -> parse(DriverKind.ROUTER, "accept", "user", "nosuch"))
                .hasMessage("user nosuch was not found");
    }

    @Test
    void rewriteRulesStayText() throws Exception {
        assertThat(parse(DriverKind.TRANSPORT, "smtp", "headers_rewrite", "*@x.example $1@y.example f"))
                .isEqualTo("*@x.example $1@y.example f");
    }
}
