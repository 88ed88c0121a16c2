package org.jexim.conf.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import org.jexim.conf.expand.Expander;
import org.jexim.conf.expand.ExpansionContext;
import org.jexim.conf.expand.ExpansionException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LookupsTest {
    static final String DB = "jdbc:derby:memory:lookupstest;create=true";

    @BeforeAll
    static void database() throws Exception {
        try (Connection c = DriverManager.getConnection(DB); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE users (name VARCHAR(40), home VARCHAR(80), quota INT)");
            s.execute("INSERT INTO users VALUES ('alice', '/home/alice', 10), ('bob', '/home/b o b', NULL)");
        }
    }

    private static ExpansionContext context(Map<String, String> options) {
        return new ExpansionContext() {
            @Override
            public Optional<String> variable(String name) {
                return Optional.empty();
            }

            @Override
            public Optional<String> option(String name) {
                return Optional.ofNullable(options.get(name));
            }
        };
    }

    private static String expand(String s) throws ExpansionException {
        return Expander.expand(s, context(Map.of("jdbc_servers", DB)));
    }

    @Test
    void mysqlSyntaxRunsOverJdbcWithEximsResultFormat() throws Exception {
        assertThat(expand("${lookup mysql{SELECT home FROM users WHERE name='${quote_mysql:alice}'}}"))
                .isEqualTo("/home/alice");
        assertThat(expand("${lookup mysql{SELECT name, home FROM users ORDER BY name}}"))
                .isEqualTo("name=alice home=/home/alice \nname=bob home=\"/home/b o b\" ");
        assertThat(expand("${lookup mysql{SELECT home FROM users WHERE name='nobody'}{$value}{none}}")).isEqualTo("none");
        assertThat(expand("${lookup pgsql{SELECT quota FROM users WHERE name='bob'}{[$value]}{none}}")).isEqualTo("[]");
        assertThat(expand("${lookup mysql{SELECT home FROM users WHERE name='it\\\\'s'}{$value}{none}}")).isEqualTo("none");
        assertThat(expand("${lookup mysql{select name from users order by name limit 1}}")).isEqualTo("alice");
    }

    @Test
    void sqlErrorsAreDefersNotCrashes() {
        assertThatThrownBy(() -> expand("${lookup mysql{SELECT nonsense FROM nowhere}}"))
                .hasMessageStartingWith("lookup of \"SELECT nonsense FROM nowhere\" gave DEFER: MYSQL: query failed:");
    }

    @Test
    void dsearchAndCdbAndDbm(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("file1"), "x");
        ExpansionContext ctx = context(Map.of());
        assertThat(Expander.expand("${lookup{file1}dsearch{" + dir + "}}", ctx)).isEqualTo("file1");
        assertThat(Expander.expand("${lookup{file1}dsearch,ret=full{" + dir + "}}", ctx)).isEqualTo(dir + "/file1");
        String data = Path.of(getClass().getResource("/expand/data/test.cdb").toURI()).getParent().toString();
        assertThat(Expander.expand("${lookup{bob}cdb{" + data + "/test.cdb}}", ctx)).isEqualTo("Bob B");
        assertThat(Expander.expand("${lookup{alice}dbm{" + data + "/users.db}}", ctx)).isEqualTo("Alice A");
        assertThat(Expander.expand("${strlen:${lookup{long}dbm{" + data + "/users.db}}}", ctx)).isEqualTo("3000");
    }

    @Test
    void missingFileIsAnEximStyleFailureNotACrash() {
        assertThatThrownBy(() -> Expander.expand("${lookup{a}lsearch{/no/such/file}}", context(Map.of())))
                .hasMessage("failed to open /no/such/file for linear search: No such file or directory");
    }

    @Test
    void lsearchFileIsReReadWhenItChanges(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("aliases");
        Files.writeString(f, "a: one\n");
        ExpansionContext ctx = context(Map.of());
        assertThat(Expander.expand("${lookup{a}lsearch{" + f + "}}", ctx)).isEqualTo("one");
        Files.writeString(f, "a: two, longer\n");
        assertThat(Expander.expand("${lookup{a}lsearch{" + f + "}}", ctx)).isEqualTo("two, longer");
    }
}
