package org.jexim.conf.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jexim.conf.reader.ConfigFiles.main;

import java.util.List;
import org.jexim.conf.model.Configuration;
import org.jexim.conf.model.ListKind;
import org.jexim.conf.model.NamedList;
import org.jexim.conf.model.OptionSetting;
import org.junit.jupiter.api.Test;

/** Named lists and main options typed by the option tables, with hide and no_/not_. */
class NamedListAndOptionTest extends ConfigFilesTestCase {
    @Test
    void namedListsKeepTheirRawValueWithSeparatorChangesAndHide() throws Exception {
        Configuration c = files.read("domainlist local_domains = @ : localhost\n"
                + "hide hostlist relay = <; 127.0.0.1 ; ::1\n"
                + "addresslist_cache senders = \"a@b : c::d\"\nlocalpartlist lp = a::b\n");
        assertThat(c.namedList(ListKind.DOMAIN, "local_domains").map(NamedList::value)).hasValue("@ : localhost");
        NamedList relay = c.namedList(ListKind.HOST, "relay").orElseThrow();
        assertThat(relay.value()).isEqualTo("<; 127.0.0.1 ; ::1");
        assertThat(relay.hidden()).isTrue();
        assertThat(c.namedList(ListKind.ADDRESS, "senders").map(NamedList::value)).hasValue("a@b : c::d");
        assertThat(c.namedList(ListKind.LOCAL_PART, "lp").map(NamedList::value)).hasValue("a::b");
    }

    @Test
    void optionsAreTypedAsEximTypesThem() throws Exception {
        Configuration c = files.read("split_spool_directory\nno_message_logs\nnot_queue_only\nqueue_smtp_domains = *\n"
                + "bounce_return_size_limit = 10M\nsmtp_accept_max = 0x10\nqueue_only_load = 2.5\nauto_thaw = 2d4h30m\n"
                + "hide smtp_banner = \"secret\\tbanner\"\ndelay_warning = 1h:2h\n");
        assertThat(value(c, "split_spool_directory")).isEqualTo(true);
        assertThat(value(c, "message_logs")).isEqualTo(false);
        assertThat(value(c, "queue_only")).isEqualTo(false);
        assertThat(value(c, "bounce_return_size_limit")).isEqualTo(10L * 1024 * 1024);
        assertThat(value(c, "smtp_accept_max")).isEqualTo(16L);
        assertThat(value(c, "queue_only_load")).isEqualTo(2500L);
        assertThat(value(c, "auto_thaw")).isEqualTo(((2 * 24 + 4) * 60 + 30) * 60L);
        assertThat(value(c, "delay_warning")).isEqualTo(List.of(3600L, 7200L));
        OptionSetting banner = c.mainOption("smtp_banner").orElseThrow();
        assertThat(banner.value()).isEqualTo("secret\tbanner");
        assertThat(banner.hidden()).isTrue();
        assertThat(main(c, "queue_smtp_domains")).isEqualTo("*");
    }

    private static Object value(Configuration c, String option) {
        return c.mainOption(option).orElseThrow().value();
    }
}
