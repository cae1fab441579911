package dev.imagegen.worker.config;

import dev.imagegen.spi.ConfigKey;
import dev.imagegen.spi.ImageProviderFactory;
import dev.imagegen.spi.ProviderRegistry;
import dev.imagegen.worker.codec.CommandReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A configuration table in a Markdown document: the README's {@code ## Configuration}, the {@code ## Environment} of
 * {@code docs/CONTRACT.md}. A section may hold several tables; each has one row per variable, or per group of
 * variables with one default. {@code <P>_NAME} stands for {@code XENODIA_NAME}, {@code APIXO_NAME} and
 * {@code BAILIAN_NAME}; its default is one value for all or {@code XENODIA `a`, APIXO `b`, BAILIAN `c`}. A default
 * is {@code unset...} (no default) or starts with a {@code `value`}.
 */
final class ConfigTable {

    static final List<String> PROVIDERS = List.of("XENODIA", "APIXO", "BAILIAN");
    private static final Pattern CODE = Pattern.compile("`([^`]*)`");
    private static final Pattern PER_PROVIDER = Pattern.compile("(XENODIA|APIXO|BAILIAN) `([^`]*)`");
    private static final Pattern NAME = Pattern.compile("(<P>_)?[A-Z][A-Z0-9_]*");

    private ConfigTable() {
    }

    /**
     * The keys the code defines: the worker's and those of the three vendors' adapters (not the test providers on
     * this class path).
     */
    static List<ConfigKey> definedKeys() {
        List<ConfigKey> keys = new ArrayList<>(WorkerKeys.all());
        List<ImageProviderFactory> vendors = ProviderRegistry.load().factories().stream()
                .filter(f -> CommandReader.CONTRACT_PROVIDERS.contains(f.id())).toList();
        if (vendors.size() != 3) {
            throw new IllegalStateException("the three adapters are not all on the test class path: " + vendors);
        }
        vendors.forEach(f -> keys.addAll(f.configKeys()));
        return keys;
    }

    /** The variables of the README's {@code ## Configuration} table; see {@link #parse(String, String)}. */
    static Map<String, Optional<String>> parse(String markdown) {
        return parse(markdown, "Configuration");
    }

    /**
     * The variables of the tables of section {@code ## heading} with their defaults (empty: unset).
     *
     * @throws IllegalArgumentException naming the row that cannot be read, or when there is no table
     */
    static Map<String, Optional<String>> parse(String markdown, String heading) {
        String[] lines = section(markdown, heading).split("\n");
        Map<String, Optional<String>> rows = new LinkedHashMap<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            boolean header = i + 1 < lines.length && isSeparator(lines[i + 1]);
            if (!line.startsWith("|") || header || isSeparator(line)) {
                continue;
            }
            String[] cells = line.split("\\|", -1);
            if (cells.length < 4) {
                throw new IllegalArgumentException("row without variable and default cells: " + line);
            }
            row(cells[1].trim(), cells[2].trim(), line, rows);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no table rows under '## " + heading + "'");
        }
        return rows;
    }

    /** The text of section {@code ## heading}, up to the next {@code ## } heading (its subsections included). */
    static String section(String markdown, String heading) {
        int start = markdown.indexOf("\n## " + heading + "\n");
        if (start < 0) {
            throw new IllegalArgumentException("no '## " + heading + "' section");
        }
        int end = markdown.indexOf("\n## ", start + 1);
        return markdown.substring(start, end < 0 ? markdown.length() : end);
    }

    private static boolean isSeparator(String line) {
        return line.matches("\\|[-| :]+\\|");
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

    /** Every difference between the README's table and the keys; see {@link #problems(Map, List, String)}. */
    static List<String> problems(Map<String, Optional<String>> table, List<ConfigKey> keys) {
        return problems(table, keys, "the README");
    }

    /**
     * Every difference between the table and the keys: missing, different default, or not a key at all.
     *
     * @param document how a problem names the document the table is in
     */
    static List<String> problems(Map<String, Optional<String>> table, List<ConfigKey> keys, String document) {
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
                .forEach(name -> problems.add(name + " is in " + document + " but no such variable exists"));
        return problems;
    }
}
