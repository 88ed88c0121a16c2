package org.jexim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jexim.conf.SharedCorpus;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs {@code exim4 -C FILE -bP ...} and jexim's -bP on the same configure files and compares
 * the output line by line (skipped where /usr/sbin/exim4 or the shared corpus is absent).
 */
class PrintOptionsAgainstEximTest {
    private static final Path EXIM = Path.of("/usr/sbin/exim4");
    private static final Path CORPUS = corpus();

    @TempDir
    static Path dir;

    /** Configure files of our own, exercising the value types and hide. */
    private static final String TYPES = """
            primary_hostname = mail.example
            qualify_domain = example.org
            smtp_accept_max = 0x20
            bounce_return_size_limit = 2048
            message_body_visible = 1536
            check_spool_space = 1500
            check_log_space = 3G
            queue_only_load = 1.50
            retry_data_expire = 2d4h30m
            retry_interval_max = 2w
            delay_warning = 1h:2h:1d
            remote_max_parallel = 0
            smtp_receive_timeout = 90s
            system_filter_user = mail
            never_users = root : 8
            trusted_groups = 0:mail
            smtp_banner = "$smtp_active_hostname \\"hi\\"\\tthere"
            hide tls_privatekey = /etc/secret.key
            message_size_limit = 20M
            keep_environment = PATH : HOME : ^LC_
            add_environment = FOO=bar
            domainlist local_domains = @ : localhost
            hide hostlist relay = 127.0.0.1
            no_accept_8bitmime
            queue_only
            MAC1 = value one
            begin routers
            dnslookup:
              driver = dnslookup
              domains = ! +local_domains
              transport = remote_smtp
              ignore_target_hosts = 0.0.0.0 : 127.0.0.0/8
              no_more
            aliases:
              driver = redirect
              data = ${lookup{$local_part}lsearch{/etc/aliases}}
              allow_fail
              allow_defer
              hide file_transport = address_file
              pipe_transport = address_pipe
              user = mail
              headers_add = X-One: 1
              headers_add = X-Two: 2
              condition = ${if eq{1}{1}}
              condition = yes
            local:
              driver = accept
              check_local_user
              transport = local_delivery
            begin transports
            remote_smtp:
              driver = smtp
              port = 2525
              hosts_try_auth = *
            local_delivery:
              driver = appendfile
              file = /var/mail/$local_part
              delivery_date_add
              group = mail
              mode = 0640
            address_pipe:
              driver = pipe
              return_output
            address_file:
              driver = appendfile
              maildir_format
              directory = /tmp/maildir
            begin authenticators
            plain:
              driver = plaintext
              server_condition = ${if eq{$auth2}{x}}
              server_prompts = :
            cram:
              driver = cram_md5
              public_name = CRAM-MD5
              server_secret = x
            sasl:
              driver = cyrus_sasl
              public_name = LOGIN
              server_realm = example
            """;

    /** Driver init rules: bsmtp, maildir, mbx and flock locking, lmtp protocol, one_time, synonyms. */
    private static final String DRIVERS = """
            print_topbitchars
            smtp_banner = caf\\xc3\\xa9 "x\\ty"
            errors_reply_to = postmaster@example.com
            delay_warning = 0s
            trusted_users = mail
            admin_groups = mail
            timezone =
            spool_directory = /var/spool/exim4
            log_file_path = syslog : /var/log/exim4/%slog
            hide smtp_accept_max_per_host = 5
            smtp_accept_max = 10
            qualify_recipient = r.example
            local_from_check = false
            begin routers
            r1:
              driver = accept
              transport = t1
              user = $local_part
              set = r_x = 1
              set = r_y = 2 ; r_z = 3
              headers_remove = X-A : X-B
              headers_remove = X-C
              local_part_prefix = foo-
              unseen = ${if eq{1}{1}}
            r2:
              driver = manualroute
              route_data = ${lookup{$domain}lsearch{/etc/routes}}
              transport = t2
              self = send
            r3:
              driver = queryprogram
              command = /bin/echo ACCEPT
              command_user = mail
              timeout = 30s
            r4:
              driver = redirect
              one_time
              owners = root : mail
              owngroups = mail
              modemask = 002
              file = /tmp/f
              include_directory = /tmp
            begin transports
            t1:
              driver = appendfile
              directory = /tmp/mdir
              maildir_format
              quota = 10M
              quota_warn_threshold = 75%
              mode = 0
              use_bsmtp
            t2:
              driver = smtp
              protocol = lmtp
              headers_rewrite = *@old.example $1@new.example
              retry_include_ip_address = ${if eq{1}{1}}
              hosts_max_try = 0x10
            t3:
              driver = pipe
              command = /bin/cat
              use_bsmtp
              user = mail
              group = root
            t4:
              driver = appendfile
              file = /tmp/mbx
              mbx_format
            t5:
              driver = appendfile
              file = /tmp/fl
              use_flock_lock
            t6:
              driver = lmtp
              socket = /tmp/s
              batch_max = 5
            t8:
              driver = appendfile
              directory = /tmp/d
              maildir_format
              maildir_use_size_file = ${if eq{1}{1}}
            t7:
              driver = autoreply
              to = $sender_address
              once = /tmp/once
              once_repeat = 1d
            begin authenticators
            ext:
              driver = external
              server_param2 = ${tls_in_peerdn}
            spa:
              driver = spa
              server_password = x
            tlsa:
              driver = tls
              public_name = IGNORED
              server_param1 = ${tls_in_sni}
            dove:
              driver = dovecot
              server_socket = /run/dovecot
            """;

    static Stream<Arguments> cases() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(Files.writeString(dir.resolve("types.conf"), TYPES));
        files.add(Files.writeString(dir.resolve("drivers.conf"), DRIVERS));
        if (CORPUS != null) {
            files.add(CORPUS.resolve("configure.default"));
            files.add(CORPUS.resolve("debian-exim4.config.autogenerated"));
        }
        List<List<String>> wordSets = List.of(List.of(), List.of("routers"), List.of("transports"),
                List.of("authenticators"), List.of("router_list"), List.of("transport_list"),
                List.of("authenticator_list"), List.of("config_file"),
                List.of("+local_domains", "+relay", "+relay_from_hosts", "+nosuch"),
                List.of("router", "aliases", "transport", "remote_smtp", "router", "nosuch"),
                List.of("macro", "MAC1", "macro", "NOMAC"),
                List.of("message_size_limit", "spool_directory", "exim_group", "nosuch_option"),
                List.of("config"), List.of("config", "queue_only"), List.of("queue_only", "config"),
                List.of("-n", "smtp_banner", "queue_only", "never_users", "deliver_queue_load_max", "+local_domains",
                        "router", "aliases", "macro", "MAC1"),
                List.of("-n", "config"), List.of("-n"),
                List.of("daemon_smtp_port", "return_size_limit", "router", "r4", "transport", "t2"),
                List.of("environment"), List.of("local_scan"));
        List<Arguments> out = new ArrayList<>();
        for (Path f : files) {
            for (List<String> w : wordSets) {
                out.add(Arguments.of(f, w));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} -bP {1}")
    @MethodSource("cases")
    void sameOutputAsExim(Path file, List<String> words) throws Exception {
        assumeTrue(Files.isExecutable(EXIM), "no exim4 here");
        Result exim = exim(file, words);
        Result jexim = jexim(file, words);
        assertThat(jexim.out().lines().toList()).isEqualTo(exim.out().lines().toList());
        assertThat(jexim.status()).isEqualTo(exim.status());
    }

    private record Result(String out, int status) {
    }

    private static Result exim(Path file, List<String> words) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(EXIM.toString(), "-C", file.toString()));
        if (!words.isEmpty() && words.get(0).equals("-n")) {
            cmd.add("-n");
            words = words.subList(1, words.size());
        }
        cmd.add("-bP");
        cmd.addAll(words);
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(out, p.waitFor());
    }

    private static Result jexim(Path file, List<String> words) throws Exception {
        CommandLine line = new CommandLine();
        line.configFile = file;
        line.mode = "-bP";
        if (!words.isEmpty() && words.get(0).equals("-n")) {
            line.flags.put("-n", "");
            words = words.subList(1, words.size());
        }
        line.arguments.addAll(words);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        line.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        line.err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        int status = new PrintOptionsCommand().run(line);
        return new Result(out.toString(StandardCharsets.UTF_8), status);
    }

    private static Path corpus() {
        return SharedCorpus.find().orElse(null);
    }
}
