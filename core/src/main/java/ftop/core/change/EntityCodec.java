package ftop.core.change;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ftop.core.Json;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Turns rows into flat field maps and back. A field is a dotted path to a leaf of the row's JSON
 * form ({@code progress.nextReviewDate}); lists are leaves. Field maps are what an edit records,
 * what a mutation carries and what conflicts are detected on, so every module reads rows the
 * same way.
 */
public final class EntityCodec {

    private static final ObjectMapper MAPPER = Json.mapper();

    private EntityCodec() {
    }

    /** All fields of {@code entity}, sorted by name, with canonical values. */
    public static Map<String, JsonNode> fields(Object entity) {
        Map<String, JsonNode> out = new TreeMap<>();
        flatten("", MAPPER.valueToTree(entity), out);
        return out;
    }

    /**
     * Builds a row of {@code kind} from a complete field map.
     *
     * @throws InvalidFieldsException naming the field that is unknown, missing or malformed
     */
    public static <T> T entity(EntityKind kind, Map<String, JsonNode> fields) {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        fields.forEach((name, value) -> put(tree, name, value));
        try {
            @SuppressWarnings("unchecked")
            T entity = (T) MAPPER.treeToValue(tree, kind.type());
            return entity;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw describe(kind, e);
        }
    }

    /**
     * The fields whose values differ between two rows of the same kind, with the values of
     * {@code after}. With {@code before} null every field of {@code after} counts as changed.
     */
    public static Map<String, JsonNode> diff(Object before, Object after) {
        Map<String, JsonNode> next = fields(after);
        if (before == null) {
            return next;
        }
        Map<String, JsonNode> previous = fields(before);
        Map<String, JsonNode> changed = new TreeMap<>();
        next.forEach((name, value) -> {
            if (!Objects.equals(previous.get(name), value)) {
                changed.put(name, value);
            }
        });
        return changed;
    }

    /**
     * {@code entity} with {@code changes} laid over it.
     *
     * @throws InvalidFieldsException when a change names an unknown field or has a bad value
     */
    public static <T> T apply(T entity, Map<String, JsonNode> changes) {
        EntityKind kind = EntityKind.of(entity);
        Map<String, JsonNode> merged = new LinkedHashMap<>(fields(entity));
        for (Map.Entry<String, JsonNode> change : changes.entrySet()) {
            if (!merged.containsKey(change.getKey())) {
                throw new InvalidFieldsException(change.getKey(),
                        "A " + kind.wireName() + " has no field \"" + change.getKey() + "\"", null);
            }
            merged.put(change.getKey(), canonical(change.getValue()));
        }
        return entity(kind, merged);
    }

    /** The JSON text of a row, as the store and the wire keep it. */
    public static String toJson(Object entity) {
        try {
            return MAPPER.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + entity.getClass().getSimpleName(), e);
        }
    }

    /**
     * Reads a row of {@code kind} from its JSON text.
     *
     * @throws InvalidFieldsException when the text is not a valid row of that kind
     */
    public static <T> T fromJson(EntityKind kind, String json) {
        try {
            @SuppressWarnings("unchecked")
            T entity = (T) MAPPER.readValue(json, kind.type());
            return entity;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw describe(kind, e);
        }
    }

    /**
     * One form for equal values, whatever produced them: integral numbers become longs and other
     * numbers doubles, so that {@code 5} parsed from the wire equals {@code 5L} written by a record.
     */
    public static JsonNode canonical(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return LongNode.valueOf(value.longValue());
        }
        if (value.isFloatingPointNumber()) {
            return DoubleNode.valueOf(value.doubleValue());
        }
        if (value.isArray()) {
            var array = JsonNodeFactory.instance.arrayNode();
            value.forEach(item -> array.add(canonical(item)));
            return array;
        }
        if (value.isObject()) {
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            value.properties().forEach(e -> object.set(e.getKey(), canonical(e.getValue())));
            return object;
        }
        return value;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> out) {
        if (node.isObject() && (prefix.isEmpty() || node.size() > 0)) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else {
            out.put(prefix, canonical(node));
        }
    }

    private static void put(ObjectNode tree, String dotted, JsonNode value) {
        String[] parts = dotted.split("\\.");
        ObjectNode node = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            if (!(child instanceof ObjectNode)) {
                child = node.putObject(parts[i]);
            }
            node = (ObjectNode) child;
        }
        node.set(parts[parts.length - 1], value);
    }

    private static InvalidFieldsException describe(EntityKind kind, Exception e) {
        String field = "";
        if (e instanceof JsonMappingException mapping) {
            field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
        }
        String where = field.isEmpty() ? "A " + kind.wireName() : "Field \"" + field + "\" of a " + kind.wireName();
        String message;
        if (e instanceof UnrecognizedPropertyException unknown) {
            message = "A " + kind.wireName() + " has no field \"" + field + "\"";
            return new InvalidFieldsException(field, message, e);
        } else if (e instanceof InvalidFormatException format) {
            Class<?> target = format.getTargetType();
            if (target != null && target.isEnum()) {
                message = where + ": \"" + format.getValue() + "\" is not one of "
                        + Arrays.toString(target.getEnumConstants());
            } else if (target != null && target.getName().startsWith("java.time")) {
                message = where + ": \"" + format.getValue() + "\" is not a date in the form 2021-06-30";
            } else {
                message = where + ": \"" + format.getValue() + "\" is not a valid "
                        + (target == null ? "value" : target.getSimpleName());
            }
        } else if (e instanceof ValueInstantiationException instantiation) {
            Throwable cause = instantiation.getCause() == null ? instantiation : instantiation.getCause();
            message = where + ": " + cause.getMessage();
        } else if (e instanceof MismatchedInputException mismatch) {
            Class<?> target = mismatch.getTargetType();
            message = where + " has the wrong type" + (target == null ? "" : ", expected " + target.getSimpleName());
        } else if (e instanceof JsonProcessingException processing) {
            message = where + " is not valid JSON: " + processing.getOriginalMessage();
        } else {
            message = where + ": " + e.getMessage();
        }
        return new InvalidFieldsException(field, message, e);
    }
}
