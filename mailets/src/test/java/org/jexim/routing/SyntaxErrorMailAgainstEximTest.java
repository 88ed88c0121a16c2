package org.jexim.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jexim.address.AddressItem;
import org.jexim.address.MessageContent;
import org.jexim.address.RoutingContext;
import org.jexim.lists.ListContext;
import org.jexim.testkit.EximOracle;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * syntax_errors_to and syntax_errors_text: the report a redirect router with skip_syntax_errors
 * mails is the one exim4 delivers (its headers but the Received:, Message-Id: and Date: that
 * reception adds, and its body byte for byte).
 */
class SyntaxErrorMailAgainstEximTest {
    private static final String ORIGINAL = "Message-ID: <orig@x.example>\nSubject: hi\n\nbody\n";

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "x@y, a b@c, good@test.example | ",
            "a b@c, \"d e | ",
            "a b@c, ok@test.example | Errors for $local_part:",
            "<foo, ok@test.example, @@ | Line one\\nline two",
            "ok@test.example, x@, y z | ${uc:$local_part} said",
    })
    void theReportIsExim4s(String data, String text) throws Exception {
        assumeTrue(EximOracle.available());
        String expected = exim(data, text);
        List<String> sent = new ArrayList<>();
        Map<String, String> options = new java.util.LinkedHashMap<>(Map.of("data", data, "skip_syntax_errors", "true",
                "syntax_errors_to", "postmaster@test.example"));
        if (text != null) {
            options.put("syntax_errors_text", text);
        }
        RoutingContext context = new RoutingContext(LISTS, "test.example", Map.of())
                .withMessage(new Original()).withSubmission(sent::add);
        RouterFactory.create("bad", "redirect", options).route(AddressItem.of("bad1@test.example"), context);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"a b@c, ok@test.example"})
    void addressTestingSendsNoReport(String data) {
        List<String> sent = new ArrayList<>();
        RoutingContext context = new RoutingContext(LISTS, "test.example", Map.of());
        RouterOutcome out = RouterFactory.create("bad", "redirect", Map.of("data", data, "skip_syntax_errors", "true",
                "syntax_errors_to", "postmaster@test.example")).route(AddressItem.of("bad1@test.example"), context);
        assertThat(out.kind()).isEqualTo(RouterOutcome.Kind.REDIRECT);
        assertThat(sent).isEmpty();
    }

    /** What exim4 delivered to postmaster, without the lines its reception added. */
    private String exim(String data, String text) throws Exception {
        Path mail = Files.createDirectories(dir.resolve("mail"));
        Files.setPosixFilePermissions(mail, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path report = mail.resolve("report");
        Path conf = EximOracle.configure(dir, "primary_hostname = test.example\nnever_users =\nexim_user = root\n"
                + "exim_group = root\nlog_file_path = " + dir + "/%slog\nbegin routers\nbad:\n  driver = redirect\n"
                + "  local_parts = ^bad\n  data = " + data + "\n  skip_syntax_errors\n"
                + "  syntax_errors_to = postmaster@test.example\n"
                + (text == null ? "" : "  syntax_errors_text = " + text + "\n")
                + "pm:\n  driver = accept\n  local_parts = postmaster\n  transport = report\n"
                + "rest:\n  driver = redirect\n  data = :blackhole:\n"
                + "begin transports\nreport:\n  driver = appendfile\n  file = " + report + "\n  user = nobody\n"
                + "  message_prefix =\n  message_suffix =\n");
        EximOracle.run(conf, null, ORIGINAL, "-odi", "-f", "sender@test.example", "bad1@test.example");
        StringBuilder kept = new StringBuilder();
        String delivered = Files.readString(report);
        int end = delivered.indexOf("\n\n");
        for (String line : delivered.substring(0, end + 1).split("(?<=\n)(?![ \t])")) {
            if (!line.startsWith("Received:") && !line.startsWith("Message-Id:") && !line.startsWith("Date:")) {
                kept.append(line);
            }
        }
        return kept + delivered.substring(end + 1);
    }

    private static final ListContext LISTS = new ListContext() {
        @Override
        public java.util.Optional<String> namedList(org.jexim.conf.model.ListKind kind, String name) {
            return java.util.Optional.empty();
        }

        @Override
        public String primaryHostname() {
            return "test.example";
        }
    };

    private static final class Original implements MessageContent {
        @Override
        public List<String> headerLines() {
            return List.of("Message-ID: <orig@x.example>\n", "Subject: hi\n");
        }

        @Override
        public String body() {
            return "body\n";
        }
    }
}
