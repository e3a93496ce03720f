package ftop.sync.server;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text format 0.0.4: every line is a {@code # HELP}, a
 * {@code # TYPE} or a sample of a family declared before it, label values are properly quoted,
 * values are numbers; anything else fails the test. Samples are keyed by name and sorted labels,
 * e.g. {@code ftop_mutations_total{outcome="applied"}}.
 */
final class PrometheusText {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)( -?\\d+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\"(,|$)");
    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");

    private final Map<String, Double> samples = new LinkedHashMap<>();
    private final Map<String, String> types = new TreeMap<>();

    private PrometheusText() {
    }

    static PrometheusText parse(String text) {
        PrometheusText parsed = new PrometheusText();
        Set<String> helped = new HashSet<>();
        int lineNumber = 0;
        for (String line : text.split("\n", -1)) {
            lineNumber++;
            if (line.isEmpty()) {
                continue;
            }
            String where = "line " + lineNumber + ": " + line;
            if (line.startsWith("# HELP ")) {
                String name = line.substring(7).split(" ", 2)[0];
                require(NAME.matcher(name).matches() && helped.add(name), where);
            } else if (line.startsWith("# TYPE ")) {
                String[] parts = line.substring(7).split(" ");
                require(parts.length == 2 && NAME.matcher(parts[0]).matches() && TYPES.contains(parts[1])
                        && parsed.types.put(parts[0], parts[1]) == null, where);
            } else {
                require(!line.startsWith("#"), where);
                Matcher m = SAMPLE.matcher(line);
                require(m.matches(), where);
                String name = m.group(1);
                require(parsed.family(name) != null, "sample of no declared family, " + where);
                Map<String, String> labels = new TreeMap<>();
                if (m.group(3) != null && !m.group(3).isEmpty()) {
                    Matcher l = LABEL.matcher(m.group(3));
                    int end = 0;
                    while (l.lookingAt()) {
                        require(labels.put(l.group(1), l.group(2)) == null, "label twice, " + where);
                        end = l.end();
                        l.region(end, m.group(3).length());
                    }
                    require(end == m.group(3).length(), "bad labels, " + where);
                }
                double value = value(m.group(4), where);
                String key = key(name, labels);
                require(parsed.samples.put(key, value) == null, "sample twice, " + where);
            }
        }
        require(!parsed.samples.isEmpty(), "no samples at all");
        return parsed;
    }

    /** The family a sample name belongs to (histogram and counter suffixes stripped), or null. */
    private String family(String name) {
        if (types.containsKey(name)) {
            return name;
        }
        for (String suffix : new String[] {"_bucket", "_count", "_sum", "_total", "_created"}) {
            if (name.endsWith(suffix) && types.containsKey(name.substring(0, name.length() - suffix.length()))) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return null;
    }

    /** The type declared for a family. */
    String type(String family) {
        return types.get(family);
    }

    /** The value of the sample {@code name} with exactly these labels (pairs), or null. */
    Double value(String name, String... labelPairs) {
        Map<String, String> labels = new TreeMap<>();
        for (int i = 0; i < labelPairs.length; i += 2) {
            labels.put(labelPairs[i], labelPairs[i + 1]);
        }
        return samples.get(key(name, labels));
    }

    /** Every sample key, e.g. to assert no raw path became a label. */
    Set<String> keys() {
        return samples.keySet();
    }

    private static String key(String name, Map<String, String> labels) {
        StringBuilder b = new StringBuilder(name);
        if (!labels.isEmpty()) {
            b.append('{');
            labels.forEach((k, v) -> b.append(k).append("=\"").append(v).append("\","));
            b.setLength(b.length() - 1);
            b.append('}');
        }
        return b.toString();
    }

    private static double value(String text, String where) {
        switch (text) {
            case "+Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            case "NaN":
                return Double.NaN;
            default:
                try {
                    return Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new AssertionError("not a number, " + where);
                }
        }
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError("Not Prometheus text: " + what);
        }
    }
}
