package org.jexim.scan;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The trigger and name expressions of the cmdline and sock scanners: the trigger found in a
 * line of the scanner's output means malware; the name expression's first group, found in a
 * line, names it ("unknown" when none does).
 */
record OutputPatterns(Pattern trigger, Pattern name) {
    static OutputPatterns of(String trigger, String name, String scanner) throws ScanException {
        try {
            return new OutputPatterns(Pattern.compile(trigger), Pattern.compile(name));
        } catch (PatternSyntaxException e) {
            throw new ScanException(scanner + ": regular expression error: " + e.getDescription());
        }
    }

    Optional<String> verdict(String output) {
        if (output.lines().noneMatch(l -> trigger.matcher(l).find())) {
            return Optional.empty();
        }
        for (String line : output.lines().toList()) {
            Matcher m = name.matcher(line);
            if (m.find() && m.groupCount() >= 1 && m.group(1) != null) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.of("unknown");
    }
}
