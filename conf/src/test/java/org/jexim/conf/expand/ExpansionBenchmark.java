package org.jexim.conf.expand;

import java.util.Map;
import java.util.Optional;
import org.jexim.conf.lists.NamedLists;
import org.jexim.conf.model.ListKind;

/**
 * A plain benchmark (not a unit test): prints expansions per second for typical router
 * conditions, parsed once and evaluated many times. Run with
 * {@code mvn -pl conf test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.jexim.conf.expand.ExpansionBenchmark}
 * or directly with java -cp conf/target/classes:conf/target/test-classes:... .
 */
public final class ExpansionBenchmark {
    private ExpansionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 3;
        NamedLists lists = NamedLists.of(Map.of(ListKind.DOMAIN,
                Map.of("local_domains", "@ : localhost : example.org : *.example.net : example.com")));
        ExpansionContext ctx = new ExpansionContext() {
            private final Map<String, String> vars = Map.of("domain", "mail.example.net", "local_part", "Postmaster",
                    "primary_hostname", "mx.example.org", "sender_address", "someone@remote.example");

            @Override
            public Optional<String> variable(String name) {
                return Optional.ofNullable(vars.get(name));
            }

            @Override
            public boolean tainted(String name) {
                return !name.equals("primary_hostname");
            }

            @Override
            public NamedLists namedLists() {
                return lists;
            }
        };
        String[] conditions = {
            "${if and{{match_domain{$domain}{+local_domains}}{!eq{${lc:$local_part}}{root}}}{yes}{no}}",
            "${if match{$local_part}{^(?i)post(master)?\\$}{$1}{}}",
            "/var/mail/${lc:$local_part}",
        };
        for (String c : conditions) {
            Expansion e = Expander.parse(c);
            String result = e.evaluate(ctx);
            long deadline = System.nanoTime() + 1_000_000_000L;
            while (System.nanoTime() < deadline) {
                e.evaluate(ctx);
            }
            long n = 0;
            long start = System.nanoTime();
            long end = start + seconds * 1_000_000_000L;
            while (System.nanoTime() < end) {
                for (int i = 0; i < 1000; i++) {
                    e.evaluate(ctx);
                }
                n += 1000;
            }
            double perSecond = n / ((System.nanoTime() - start) / 1e9);
            System.out.printf("%,12.0f expansions/s  %s  -> %s%n", perSecond, c, result);
        }
    }
}
