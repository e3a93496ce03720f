package ftop.core.health;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ftop.core.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Customer Health rules, as data: when a workload's usage turns Yellow, Green and Blue, how a
 * group's colour derives from its workloads, how the overall colour derives from the groups, and
 * how often customers of each colour are reviewed. The server hands the rules file out at
 * {@code GET /rules}; clients load what it gave them, so every screen colours customers alike.
 *
 * <p>The file is JSON:
 * <pre>{@code
 * {
 *   "name": "FY20 Customer Health",
 *   "workloads": { "EXCHANGE": { "yellow": 0.3, "green": 0.6, "blue": 0.8 }, ... every workload },
 *   "groupRule": "WORST_WORKLOAD",            // or COMBINED_USAGE, which needs "groups"
 *   "groups": { "GROUP_1": { "yellow": ..., "green": ..., "blue": ... }, ... },
 *   "groupsRequired": 2,                      // optional, 1 to 3, default 2
 *   "reviewCadence": { "RED": "P14D", "YELLOW": "P14D", "GREEN": "P3M", "BLUE": "P3M" }
 * }
 * }</pre>
 *
 * @param name           what the rules are called, e.g. the fiscal year they measure
 * @param workloads      the thresholds of every workload
 * @param groupRule      how a group's colour derives from its workloads
 * @param groups         the thresholds of every group; used by {@link GroupRule#COMBINED_USAGE}
 *                       and empty otherwise
 * @param groupsRequired the overall colour is the best colour reached by at least this many
 *                       groups ("healthy customers use multiple complementary services")
 * @param reviewCadence  how long after a review the next one is due, per colour
 */
public record HealthRules(
        String name,
        Map<Workload, Thresholds> workloads,
        GroupRule groupRule,
        Map<WorkloadGroup, Thresholds> groups,
        int groupsRequired,
        Map<HealthColour, Period> reviewCadence) {

    /** Groups that must reach a colour for it to be the overall colour, when the file does not say. */
    public static final int DEFAULT_GROUPS_REQUIRED = 2;

    private static final String DEFAULT_RESOURCE = "health-rules.json";
    private static final Set<String> TOP_LEVEL_FIELDS =
            Set.of("name", "workloads", "groupRule", "groups", "groupsRequired", "reviewCadence");
    private static final Set<String> THRESHOLD_FIELDS = Set.of("yellow", "green", "blue");

    /**
     * Checks that the rules are complete and consistent.
     *
     * @throws InvalidHealthRulesException naming the entry that is missing or wrong
     */
    public HealthRules {
        name = name == null ? "" : name.strip();
        if (groupRule == null) {
            throw new InvalidHealthRulesException("groupRule", "is missing; use one of " + Arrays.toString(GroupRule.values()));
        }
        workloads = complete("workloads", workloads, Workload.class);
        if (groupRule == GroupRule.COMBINED_USAGE) {
            groups = complete("groups", groups, WorkloadGroup.class);
        } else if (groups != null && !groups.isEmpty()) {
            throw new InvalidHealthRulesException("groups",
                    "group thresholds are only used with groupRule COMBINED_USAGE; remove them or change the rule");
        } else {
            groups = Collections.unmodifiableMap(new EnumMap<>(WorkloadGroup.class));
        }
        if (groupsRequired < 1 || groupsRequired > WorkloadGroup.values().length) {
            throw new InvalidHealthRulesException("groupsRequired",
                    "must be from 1 to " + WorkloadGroup.values().length + ", not " + groupsRequired);
        }
        reviewCadence = complete("reviewCadence", reviewCadence, HealthColour.class);
        for (Map.Entry<HealthColour, Period> e : reviewCadence.entrySet()) {
            Period p = e.getValue();
            if (p.isNegative() || p.isZero()) {
                throw new InvalidHealthRulesException("reviewCadence." + e.getKey().name(),
                        "must be a positive period such as P14D or P3M, not " + p);
            }
        }
    }

    private static <K extends Enum<K>, V> Map<K, V> complete(String path, Map<K, V> values, Class<K> type) {
        if (values == null) {
            throw new InvalidHealthRulesException(path, "is missing");
        }
        EnumMap<K, V> copy = new EnumMap<>(type);
        for (K key : type.getEnumConstants()) {
            V value = values.get(key);
            if (value == null) {
                throw new InvalidHealthRulesException(path + "." + key.name(), "is missing");
            }
            copy.put(key, value);
        }
        return Collections.unmodifiableMap(copy);
    }

    /** The rules shipped with FTOP, used until the server hands out its own. */
    public static HealthRules defaults() {
        return Default.RULES;
    }

    /** The shipped rules file, as text. */
    public static String defaultJson() {
        try (InputStream in = HealthRules.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The default health rules file " + DEFAULT_RESOURCE + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the default health rules file", e);
        }
    }

    /** Thresholds of {@code workload}. */
    public Thresholds thresholds(Workload workload) {
        return workloads.get(workload);
    }

    /** Thresholds of {@code group}; only defined for {@link GroupRule#COMBINED_USAGE}. */
    public Thresholds thresholds(WorkloadGroup group) {
        Thresholds t = groups.get(group);
        if (t == null) {
            throw new IllegalStateException("Groups have no thresholds of their own under " + groupRule);
        }
        return t;
    }

    /** How long after a review of a customer of {@code colour} the next review is due. */
    public Period cadence(HealthColour colour) {
        return reviewCadence.get(colour);
    }

    /**
     * Reads a rules file.
     *
     * @throws InvalidHealthRulesException when the text is not JSON or not a complete, consistent
     *                                     rules file; the message names the offending entry
     */
    public static HealthRules parse(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidHealthRulesException("", "the file is empty");
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidHealthRulesException("", "not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidHealthRulesException("", "expected a JSON object");
        }
        onlyKnownFields("", root, TOP_LEVEL_FIELDS);

        String name = "";
        JsonNode nameNode = root.get("name");
        if (nameNode != null && !nameNode.isNull()) {
            if (!nameNode.isTextual()) {
                throw new InvalidHealthRulesException("name", "must be text");
            }
            name = nameNode.textValue();
        }

        Map<Workload, Thresholds> workloads = thresholdsByKey("workloads", required(root, "workloads"), Workload.class);
        GroupRule groupRule = enumValue("groupRule", required(root, "groupRule"), GroupRule.class);
        JsonNode groupsNode = root.get("groups");
        Map<WorkloadGroup, Thresholds> groups = Map.of();
        if (groupsNode != null && !groupsNode.isNull()) {
            if (groupRule != GroupRule.COMBINED_USAGE) {
                throw new InvalidHealthRulesException("groups",
                        "group thresholds are only used with groupRule COMBINED_USAGE; remove them or change the rule");
            }
            groups = thresholdsByKey("groups", groupsNode, WorkloadGroup.class);
        }

        int groupsRequired = DEFAULT_GROUPS_REQUIRED;
        JsonNode requiredNode = root.get("groupsRequired");
        if (requiredNode != null && !requiredNode.isNull()) {
            if (!requiredNode.isIntegralNumber() || !requiredNode.canConvertToInt()) {
                throw new InvalidHealthRulesException("groupsRequired", "must be a whole number, not " + requiredNode);
            }
            groupsRequired = requiredNode.intValue();
        }

        JsonNode cadenceNode = object("reviewCadence", required(root, "reviewCadence"));
        Map<HealthColour, Period> cadence = new EnumMap<>(HealthColour.class);
        for (Map.Entry<String, JsonNode> e : cadenceNode.properties()) {
            String path = "reviewCadence." + e.getKey();
            HealthColour colour = key(path, e.getKey(), HealthColour.class);
            if (!e.getValue().isTextual()) {
                throw new InvalidHealthRulesException(path, "must be a period such as \"P14D\" or \"P3M\", not " + e.getValue());
            }
            try {
                cadence.put(colour, Period.parse(e.getValue().textValue()));
            } catch (DateTimeParseException ex) {
                throw new InvalidHealthRulesException(path,
                        "\"" + e.getValue().textValue() + "\" is not a period such as \"P14D\" or \"P3M\"", ex);
            }
        }
        return new HealthRules(name, workloads, groupRule, groups, groupsRequired, cadence);
    }

    /** The rules as a rules file that {@link #parse(String)} reads back to equal rules. */
    public String toJson() {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("name", name);
        ObjectNode w = root.putObject("workloads");
        workloads.forEach((workload, t) -> write(w.putObject(workload.name()), t));
        root.put("groupRule", groupRule.name());
        if (!groups.isEmpty()) {
            ObjectNode g = root.putObject("groups");
            groups.forEach((group, t) -> write(g.putObject(group.name()), t));
        }
        root.put("groupsRequired", groupsRequired);
        ObjectNode c = root.putObject("reviewCadence");
        reviewCadence.forEach((colour, period) -> c.put(colour.name(), period.toString()));
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write health rules", e);
        }
    }

    private static void write(ObjectNode node, Thresholds t) {
        node.put("yellow", t.yellow());
        node.put("green", t.green());
        node.put("blue", t.blue());
    }

    private static <K extends Enum<K>> Map<K, Thresholds> thresholdsByKey(String path, JsonNode node, Class<K> type) {
        Map<K, Thresholds> out = new EnumMap<>(type);
        for (Map.Entry<String, JsonNode> e : object(path, node).properties()) {
            String entryPath = path + "." + e.getKey();
            out.put(key(entryPath, e.getKey(), type), thresholds(entryPath, e.getValue()));
        }
        return out;
    }

    private static Thresholds thresholds(String path, JsonNode node) {
        object(path, node);
        onlyKnownFields(path, node, THRESHOLD_FIELDS);
        double yellow = ratio(path + ".yellow", required(path, node, "yellow"));
        double green = ratio(path + ".green", required(path, node, "green"));
        double blue = ratio(path + ".blue", required(path, node, "blue"));
        if (!(yellow < green && green < blue)) {
            throw new InvalidHealthRulesException(path, "thresholds must increase from yellow to green to blue, but are "
                    + "yellow " + yellow + ", green " + green + ", blue " + blue);
        }
        return new Thresholds(yellow, green, blue);
    }

    private static double ratio(String path, JsonNode node) {
        if (!node.isNumber()) {
            throw new InvalidHealthRulesException(path, "must be a number from 0 to 1, not " + node);
        }
        double value = node.doubleValue();
        if (value < 0 || value > 1) {
            throw new InvalidHealthRulesException(path, "must be a ratio from 0 to 1 (e.g. 0.6 for 60%), not " + node);
        }
        return value;
    }

    private static JsonNode required(JsonNode parent, String field) {
        return required("", parent, field);
    }

    private static JsonNode required(String path, JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            throw new InvalidHealthRulesException(path.isEmpty() ? field : path + "." + field, "is missing");
        }
        return node;
    }

    private static JsonNode object(String path, JsonNode node) {
        if (!node.isObject()) {
            throw new InvalidHealthRulesException(path, "must be a JSON object, not " + node);
        }
        return node;
    }

    private static void onlyKnownFields(String path, JsonNode node, Set<String> known) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!known.contains(field)) {
                throw new InvalidHealthRulesException(path.isEmpty() ? field : path + "." + field,
                        "unknown entry; expected one of " + known.stream().sorted().collect(Collectors.joining(", ")));
            }
        }
    }

    private static <E extends Enum<E>> E enumValue(String path, JsonNode node, Class<E> type) {
        if (!node.isTextual()) {
            throw new InvalidHealthRulesException(path, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
        return key(path, node.textValue(), type);
    }

    private static <E extends Enum<E>> E key(String path, String text, Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        throw new InvalidHealthRulesException(path,
                "\"" + text + "\" is not one of " + Arrays.toString(type.getEnumConstants()));
    }

    @Override
    public String toString() {
        return "HealthRules[" + (name.isEmpty() ? groupRule : name) + "]";
    }

    /** Loaded once, on first use. */
    private static final class Default {
        static final HealthRules RULES = parse(defaultJson());
    }
}
