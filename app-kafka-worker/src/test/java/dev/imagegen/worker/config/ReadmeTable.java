package dev.imagegen.worker.config;

import dev.imagegen.spi.ConfigKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configuration table of the README ({@code ## Configuration}): one row per variable, or per group of variables
 * with one default. {@code <P>_NAME} stands for {@code XENODIA_NAME}, {@code APIXO_NAME} and {@code BAILIAN_NAME};
 * its default is one value for all or {@code XENODIA `a`, APIXO `b`, BAILIAN `c`}. A default is {@code unset...} (no
 * default) or starts with a {@code `value`}.
 */
final class ReadmeTable {

    static final List<String> PROVIDERS = List.of("XENODIA", "APIXO", "BAILIAN");
    private static final Pattern CODE = Pattern.compile("`([^`]*)`");
    private static final Pattern PER_PROVIDER = Pattern.compile("(XENODIA|APIXO|BAILIAN) `([^`]*)`");
    private static final Pattern NAME = Pattern.compile("(<P>_)?[A-Z][A-Z0-9_]*");

    private ReadmeTable() {
    }

    /**
     * The variables of the table with their defaults (empty: unset).
     *
     * @throws IllegalArgumentException naming the row that cannot be read, or when there is no table
     */
    static Map<String, Optional<String>> parse(String markdown) {
        int start = markdown.indexOf("\n## Configuration\n");
        if (start < 0) {
            throw new IllegalArgumentException("no '## Configuration' section");
        }
        int end = markdown.indexOf("\n## ", start + 1);
        String section = markdown.substring(start, end < 0 ? markdown.length() : end);
        Map<String, Optional<String>> rows = new LinkedHashMap<>();
        boolean header = true;
        for (String line : section.split("\n")) {
            if (!line.startsWith("|")) {
                continue;
            }
            if (header || line.matches("\\|[-| ]+\\|")) {
                header = false;
                continue;
            }
            String[] cells = line.split("\\|", -1);
            if (cells.length < 4) {
                throw new IllegalArgumentException("row without variable and default cells: " + line);
            }
            row(cells[1].trim(), cells[2].trim(), line, rows);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no table rows under '## Configuration'");
        }
        return rows;
    }

    private static void row(String names, String defaults, String line, Map<String, Optional<String>> rows) {
        Matcher m = CODE.matcher(names);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            if (!NAME.matcher(m.group(1)).matches()) {
                throw new IllegalArgumentException("'" + m.group(1) + "' is not a variable name in row: " + line);
            }
            found.add(m.group(1));
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no `VARIABLE` in row: " + line);
        }
        for (String name : found) {
            if (name.startsWith("<P>_")) {
                for (String p : PROVIDERS) {
                    put(rows, p + name.substring(3), defaultOf(defaults, p, line), line);
                }
            } else {
                put(rows, name, defaultOf(defaults, null, line), line);
            }
        }
    }

    private static Optional<String> defaultOf(String cell, String provider, String line) {
        Matcher per = PER_PROVIDER.matcher(cell);
        if (provider != null && per.find()) {
            per.reset();
            while (per.find()) {
                if (per.group(1).equals(provider)) {
                    return Optional.of(per.group(2));
                }
            }
            throw new IllegalArgumentException("no default for " + provider + " in row: " + line);
        }
        if (cell.startsWith("unset")) {
            return Optional.empty();
        }
        Matcher code = CODE.matcher(cell);
        if (!cell.startsWith("`") || !code.find()) {
            throw new IllegalArgumentException("default '" + cell + "' is neither unset nor a `value` in row: " + line);
        }
        return Optional.of(code.group(1));
    }

    private static void put(Map<String, Optional<String>> rows, String name, Optional<String> value, String line) {
        if (rows.put(name, value) != null) {
            throw new IllegalArgumentException(name + " is in the table twice (again in row: " + line + ")");
        }
    }

    /** Every difference between the table and the keys: missing, different default, or not a key at all. */
    static List<String> problems(Map<String, Optional<String>> table, List<ConfigKey> keys) {
        List<String> problems = new ArrayList<>();
        Map<String, ConfigKey> byName = new LinkedHashMap<>();
        keys.forEach(k -> byName.put(k.name(), k));
        for (ConfigKey key : byName.values()) {
            Optional<String> shown = table.get(key.name());
            String wanted = key.defaultIfAny().map(d -> "`" + d + "`").orElse("unset");
            if (shown == null) {
                problems.add(key.name() + " is missing (default " + wanted + ")");
            } else if (!Objects.equals(shown, key.defaultIfAny())) {
                problems.add(key.name() + " shows default " + shown.map(d -> "`" + d + "`").orElse("unset")
                        + " but it is " + wanted);
            }
        }
        table.keySet().stream().filter(name -> !byName.containsKey(name))
                .forEach(name -> problems.add(name + " is in the README but no such variable exists"));
        return problems;
    }
}
