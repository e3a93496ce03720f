package ftop.sync.server;

import com.fasterxml.jackson.databind.JsonNode;
import ftop.core.csv.CsvReader;
import ftop.core.csv.CsvRow;
import ftop.sync.protocol.ProtocolJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a feed body, CSV (read by {@link CsvReader}: header line first, columns in any order) or
 * JSON (an array of flat objects, or one object), into numbered lines of named text values, so that
 * both formats go through the same per-line checks. A body that cannot be read at all is a 400: no
 * header, an unknown or repeated column, a required column missing from the header, a quoted value
 * never closed. A single bad line is left for the import to reject.
 */
final class FeedLines {

    /**
     * One data line.
     *
     * @param number the CSV line number (header is 1) or the JSON item position from 1
     * @param values column name to text value; absent or blank columns are missing
     * @param problem why the line could not be read as values (a JSON item that is not flat), else null
     */
    record Line(int number, Map<String, String> values, String problem) {

        String get(String column) {
            String v = values.get(column);
            return v == null || v.isBlank() ? null : v.trim();
        }
    }

    private FeedLines() {
    }

    /**
     * Parses {@code body} by {@code contentType}.
     *
     * @param columns  the names accepted (case-insensitive)
     * @param required the columns a CSV header must name; a JSON item lacking one is a rejected line
     */
    static List<Line> parse(String contentType, byte[] body, Set<String> columns, Set<String> required) {
        if (body.length == 0) {
            throw ApiException.badRequest("The feed is empty; send CSV with a header line or a JSON array", null);
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("text/csv")) {
            return csv(new String(body, StandardCharsets.UTF_8), columns, required);
        }
        if (type.startsWith("application/json")) {
            return json(body, columns);
        }
        throw new ApiException(415, "unsupported_media_type", "Send the feed as text/csv or application/json, not \""
                + (contentType == null ? "no Content-Type" : contentType) + "\"", null);
    }

    private static List<Line> json(byte[] body, Set<String> columns) {
        JsonNode root;
        try {
            root = ProtocolJson.mapper().readTree(body);
        } catch (IOException e) {
            throw Http.describe(e);
        }
        if (root == null || !(root.isArray() || root.isObject())) {
            throw ApiException.badRequest("The feed must be a JSON array of objects (or one object)", null);
        }
        List<JsonNode> items = new ArrayList<>();
        if (root.isObject()) {
            items.add(root);
        } else {
            root.forEach(items::add);
        }
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            Map<String, String> values = new LinkedHashMap<>();
            String problem = null;
            if (!item.isObject()) {
                problem = "Item " + (i + 1) + " is not a JSON object";
            } else {
                Iterator<Map.Entry<String, JsonNode>> fields = item.fields();
                while (fields.hasNext() && problem == null) {
                    Map.Entry<String, JsonNode> f = fields.next();
                    String column = canonical(f.getKey(), columns);
                    if (column == null) {
                        problem = "Unknown field \"" + f.getKey() + "\"; known fields are " + columns;
                    } else if (f.getValue().isContainerNode()) {
                        problem = "Field \"" + f.getKey() + "\" must be a single value, not " + f.getValue().getNodeType()
                                .name().toLowerCase(Locale.ROOT);
                    } else if (!f.getValue().isNull()) {
                        values.put(column, f.getValue().asText());
                    }
                }
            }
            lines.add(new Line(i + 1, values, problem));
        }
        return lines;
    }

    private static List<Line> csv(String text, Set<String> columns, Set<String> required) {
        List<CsvRow> rows = CsvReader.read(text);
        if (rows.isEmpty() || rows.get(0).blank()) {
            throw ApiException.badRequest("The CSV feed has no header line; the first line must name the columns "
                    + String.join(",", columns), null);
        }
        CsvRow first = rows.get(0);
        if (first.malformed().isPresent()) {
            throw ApiException.badRequest("Line 1: the header cannot be read: " + first.malformed().get().message(), null);
        }
        List<String> header = new ArrayList<>();
        for (String name : first.fields()) {
            String column = canonical(name.trim(), columns);
            if (column == null) {
                throw ApiException.badRequest("Line 1: unknown column \"" + name.trim() + "\"; known columns are "
                        + columns, name.trim());
            }
            if (header.contains(column)) {
                throw ApiException.badRequest("Line 1: column \"" + column + "\" appears twice", column);
            }
            header.add(column);
        }
        List<String> missing = required.stream().filter(c -> !header.contains(c)).toList();
        if (!missing.isEmpty()) {
            // Every line would be rejected for the same reason; refuse the file instead.
            throw ApiException.badRequest("Line 1: the header lacks the required column" + (missing.size() == 1 ? " " : "s ")
                    + missing.stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(", "))
                    + "; the columns are " + String.join(",", columns), missing.get(0));
        }
        List<Line> lines = new ArrayList<>();
        for (CsvRow row : rows.subList(1, rows.size())) {
            if (row.blank()) {
                continue;  // blank lines (a trailing newline) are not data
            }
            Optional<CsvRow.Malformed> malformed = row.malformed();
            if (malformed.isPresent() && malformed.get() == CsvRow.Malformed.QUOTE_NEVER_CLOSED) {
                throw ApiException.badRequest("Line " + row.line() + ": " + malformed.get().message(), null);
            }
            Map<String, String> values = new LinkedHashMap<>();
            String problem = null;
            if (malformed.isPresent()) {
                problem = "The line cannot be read: " + malformed.get().message();
            } else if (row.fields().size() != header.size()) {
                problem = "The line has " + row.fields().size() + " values but the header names " + header.size()
                        + " columns";
            } else {
                for (int k = 0; k < header.size(); k++) {
                    values.put(header.get(k), row.fields().get(k));
                }
            }
            lines.add(new Line(row.line(), values, problem));
        }
        return lines;
    }

    private static String canonical(String name, Set<String> columns) {
        for (String c : columns) {
            if (c.equalsIgnoreCase(name)) {
                return c;
            }
        }
        return null;
    }
}
