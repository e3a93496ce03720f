package ftop.sync.server;

import com.fasterxml.jackson.databind.JsonNode;
import ftop.sync.protocol.ProtocolJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a feed body, CSV (RFC 4180: header line, quoted fields with doubled quotes) or JSON (an
 * array of flat objects, or one object), into numbered lines of named text values, so that both
 * formats go through the same per-line checks. A body that cannot be read at all is a 400;
 * a single bad line is left for the import to reject.
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

    /** Parses {@code body} by {@code contentType}; {@code columns} are the names accepted (case-insensitive). */
    static List<Line> parse(String contentType, byte[] body, Set<String> columns) {
        if (body.length == 0) {
            throw ApiException.badRequest("The feed is empty; send CSV with a header line or a JSON array", null);
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("text/csv")) {
            return csv(new String(body, StandardCharsets.UTF_8), columns);
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

    private static List<Line> csv(String text, Set<String> columns) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> records = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int line = 1;
        int recordStart = 1;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    field.append(ch);
                }
            } else if (ch == '"' && field.isEmpty() && !fieldStarted) {
                quoted = true;
                fieldStarted = true;
            } else if (ch == ',') {
                record.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
                records.add(record);
                starts.add(recordStart);
                record = new ArrayList<>();
                line++;
                recordStart = line;
            } else {
                field.append(ch);
                fieldStarted = true;
            }
        }
        if (quoted) {
            throw ApiException.badRequest("Line " + recordStart + ": a quoted value is not closed", null);
        }
        if (!field.isEmpty() || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
            starts.add(recordStart);
        }
        if (records.isEmpty()) {
            throw ApiException.badRequest("The CSV feed has no header line", null);
        }
        List<String> header = new ArrayList<>();
        for (String name : records.get(0)) {
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
        List<Line> lines = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> cells = records.get(r);
            if (cells.size() == 1 && cells.get(0).isBlank()) {
                continue;  // blank lines (a trailing newline) are not data
            }
            Map<String, String> values = new LinkedHashMap<>();
            String problem = null;
            if (cells.size() != header.size()) {
                problem = "The line has " + cells.size() + " values but the header names " + header.size() + " columns";
            } else {
                for (int k = 0; k < header.size(); k++) {
                    values.put(header.get(k), cells.get(k));
                }
            }
            lines.add(new Line(starts.get(r), values, problem));
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
