package org.jexim.conf.reader;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.jexim.conf.SourceLocation;
import org.jexim.conf.model.Configuration;
import org.jexim.conf.model.DriverInstance;
import org.jexim.conf.model.DriverKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Routers, transports and authenticators: instances, generic and private options, repeats. */
class DriverSectionTest {
    private static final String ROUTERS = """
            begin routers
            r1:
              driver = accept
              transport = t1
              condition = ${if eq{a}{a}}
              condition = yes
              headers_add = X-A: 1
              headers_add = X-B: 2
              headers_remove = a:b
              headers_remove = c
              set = r_a = 1; r_b = 2
              set = r_c = x;;y
              no_verify
              not_more
              hide local_parts = secret

            r2:
              driver = redirect
              data = ${lookup{$local_part}lsearch{/etc/aliases}}
              allow_fail
            begin transports
            t1:
              driver = appendfile
              file = /tmp/x
              no_create_directory
            begin authenticators
            plain:
              driver = plaintext
              public_name = PLAIN
              server_condition = yes
            """;

    @TempDir
    Path dir;
    Configuration c;

    @BeforeEach
    void read() throws Exception {
        c = new ConfigFiles(dir).read(ROUTERS);
    }

    @Test
    void instancesKeepTheirOrderNameDriverAndLine() {
        assertThat(c.routers()).extracting(DriverInstance::name).containsExactly("r1", "r2");
        DriverInstance r2 = c.router("r2").orElseThrow();
        assertThat(r2.kind()).isEqualTo(DriverKind.ROUTER);
        assertThat(r2.driver()).isEqualTo("redirect");
        assertThat(r2.location()).isEqualTo(new SourceLocation(dir.resolve("configure"), 17));
        assertThat(r2.text("data")).hasValue("${lookup{$local_part}lsearch{/etc/aliases}}");
        assertThat(r2.option("allow_fail").orElseThrow().value()).isEqualTo(true);
        assertThat(c.transport("t1").orElseThrow().option("create_directory").orElseThrow().value()).isEqualTo(false);
        assertThat(c.authenticators()).extracting(DriverInstance::name).containsExactly("plain");
    }

    @Test
    void repeatedConditionsAreAndedAsEximDoes() {
        assertThat(c.router("r1").orElseThrow().option("condition").orElseThrow().value())
                .isEqualTo("${if and{{bool_lax{${if eq{a}{a}}}}{bool_lax{yes}}}}");
    }

    @Test
    void repeatedListOptionsAreAppendedWithTheirSeparators() {
        DriverInstance r1 = c.router("r1").orElseThrow();
        assertThat(r1.option("headers_add").orElseThrow().value()).isEqualTo("X-A: 1\nX-B: 2");
        assertThat(r1.option("headers_remove").orElseThrow().value()).isEqualTo("a:b:c");
        assertThat(r1.option("set").orElseThrow().value()).isEqualTo("r_a = 1;r_b = 2;r_c = x;;y");
    }

    @Test
    void negatedBooleansAndSynonymsAndHide() {
        DriverInstance r1 = c.router("r1").orElseThrow();
        assertThat(r1.option("verify_sender").orElseThrow().value()).isEqualTo(false);
        assertThat(r1.option("verify_recipient").orElseThrow().value()).isEqualTo(false);
        assertThat(r1.option("more").orElseThrow().value()).isEqualTo(false);
        assertThat(r1.option("local_parts").orElseThrow().hidden()).isTrue();
    }

    @Test
    void anUnknownTransportNamedByARouterIsLeftForRoutingTimeAsInExim() throws Exception {
        Configuration other = new ConfigFiles(dir).read("begin routers\nr1:\n  driver = accept\n  transport = nosuch\n");
        assertThat(other.router("r1").orElseThrow().text("transport")).hasValue("nosuch");
    }
}
