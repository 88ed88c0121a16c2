package org.jexim.conf.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.jexim.conf.ConfigurationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of configuration error, each a small broken file in reader/errors/, must be
 * reported with the very text Exim 4.96 prints for it (recorded in NAME.expected by
 * reader/regenerate-error-texts).
 */
class ReaderErrorsTest {

    static Stream<String> cases() throws Exception {
        try (Stream<Path> files = Files.list(dir())) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".conf"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsTheErrorAsEximDoes(String name) throws Exception {
        Path dir = dir();
        String expected = Files.readString(dir.resolve(name + ".expected"));
        ConfigurationException e = catchThrowableOfType(
                () -> ConfigReader.read(dir.resolve(name + ".conf"), Map.of()), ConfigurationException.class);
        assertThat(e).as("accepted, but exim4 says: " + expected).isNotNull();
        assertThat(e.eximText().replace(dir.toString(), "@DIR@") + "\n").isEqualTo(expected);
    }

    private static Path dir() throws URISyntaxException {
        return Path.of(ReaderErrorsTest.class.getResource("/reader/errors/bom.conf").toURI()).getParent();
    }
}
