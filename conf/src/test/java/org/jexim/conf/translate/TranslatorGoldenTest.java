package org.jexim.conf.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jexim.conf.model.Configuration;
import org.jexim.conf.reader.ConfigReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pins the translator's output, file by file, for the configure files under
 * src/test/resources/translate/NAME/configure (expected output in NAME/expected/). Run with
 * -Djexim.golden.update=true to rewrite the expected files after a deliberate change.
 */
class TranslatorGoldenTest {
    static final Path ROOT = Path.of("src/test/resources/translate");

    @ParameterizedTest
    @ValueSource(strings = {"default", "mbox"})
    void translationMatchesTheGoldenFiles(String name) throws Exception {
        Path dir = ROOT.resolve(name).toAbsolutePath();
        Configuration config = ConfigReader.read(dir.resolve("configure"), Map.of("JEXIM_HOME", "/srv/jexim"));
        Translation t = Translator.translate(config);
        assertThat(t.problems()).isEmpty();
        Path expected = dir.resolve("expected");
        boolean update = Boolean.getBoolean("jexim.golden.update");
        for (var e : t.files().entrySet()) {
            String actual = e.getValue().replace(dir.toString(), "CONFDIR");
            Path file = expected.resolve(e.getKey());
            if (update) {
                Files.createDirectories(expected);
                Files.writeString(file, actual, StandardCharsets.UTF_8);
            }
            assertThat(actual).as(e.getKey()).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        }
        try (var files = Files.list(expected)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactlyElementsOf(t.files().keySet());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "mbox"})
    void translationIsDeterministic(String name) throws Exception {
        Path file = ROOT.resolve(name).resolve("configure").toAbsolutePath();
        Translation a = Translator.translate(ConfigReader.read(file, Map.of("JEXIM_HOME", "/srv/jexim")));
        Translation b = Translator.translate(ConfigReader.read(file, Map.of("JEXIM_HOME", "/srv/jexim")));
        assertThat(a.files()).isEqualTo(b.files());
    }
}
