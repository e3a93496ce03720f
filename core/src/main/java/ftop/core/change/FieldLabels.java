package ftop.core.change;

import com.fasterxml.jackson.databind.JsonNode;
import ftop.core.Labelled;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.Optional;

/**
 * Field names and values as people read them: "progress.cxpWatchlist" is "CXP Watchlist" and its
 * value "CRITICAL" is "Critical". The labels are the FTOP guide's, so the forms, the Conflicts tab and
 * any message about a field say the same words.
 */
public final class FieldLabels {

    /** The guide's labels of the health form's fields, by dotted field name. */
    private static final Map<String, String> HEALTH = Map.ofEntries(
            Map.entry("progress.status", "Customer Status"),
            Map.entry("progress.expectedProgressDue", "Expected Progress Due"),
            Map.entry("progress.expectedHealth", "Expected Health"),
            Map.entry("progress.nextReviewDate", "Next Review Date"),
            Map.entry("progress.previousReviewDate", "Previous Review Date"),
            Map.entry("progress.cxpWatchlist", "CXP Watchlist"),
            Map.entry("progress.region", "Region"),
            Map.entry("progress.vertical", "Vertical"),
            Map.entry("perspective.mindset", "Overall Mindset"),
            Map.entry("perspective.completionDate", "Completion Date"),
            Map.entry("perspective.businessReason", "Business Reason"),
            Map.entry("perspective.successOwner", "Success Owner"));

    private FieldLabels() {
    }

    /**
     * The label of {@code field} of a row of {@code kind}: the guide's words where it names the field,
     * else the field's last part in words ("expectedProgressDue" reads "Expected progress due").
     */
    public static String label(EntityKind kind, String field) {
        if (field == null || field.isEmpty()) {
            return "The whole row";
        }
        String known = kind == EntityKind.HEALTH ? HEALTH.get(field) : null;
        return known != null ? known : words(field.substring(field.lastIndexOf('.') + 1));
    }

    /**
     * {@code value} of {@code field} as people read it: a choice by its label, anything else as its
     * text; empty for no value. Dates stay ISO ({@code 2026-11-01}) for the caller to format.
     */
    public static Optional<String> value(EntityKind kind, String field, JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return Optional.empty();
        }
        if (!value.isValueNode()) {
            return Optional.of(value.toString());
        }
        String text = value.asText();
        return Optional.of(choiceType(kind.type(), field)
                .flatMap(type -> labelOf(type, text))
                .orElse(text));
    }

    private static Optional<String> labelOf(Class<?> type, String name) {
        for (Object constant : type.getEnumConstants()) {
            if (((Enum<?>) constant).name().equals(name)) {
                return Optional.of(constant instanceof Labelled l ? l.label() : name);
            }
        }
        return Optional.empty();
    }

    /** The enum type of {@code field} (dotted, through nested records and {@code Optional}), if it is one. */
    private static Optional<Class<?>> choiceType(Class<?> type, String field) {
        Class<?> current = type;
        for (String part : field.split("\\.")) {
            Type found = componentType(current, part);
            if (found == null) {
                return Optional.empty();
            }
            if (found instanceof ParameterizedType p && p.getRawType() == Optional.class) {
                found = p.getActualTypeArguments()[0];
            }
            if (!(found instanceof Class<?> c)) {
                return Optional.empty();
            }
            current = c;
        }
        return current.isEnum() ? Optional.of(current) : Optional.empty();
    }

    private static Type componentType(Class<?> type, String name) {
        if (!type.isRecord()) {
            return null;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.getName().equals(name)) {
                return component.getGenericType();
            }
        }
        return null;
    }

    private static String words(String name) {
        StringBuilder out = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (Character.isUpperCase(c) && out.length() > 0) {
                out.append(' ').append(Character.toLowerCase(c));
            } else {
                out.append(out.length() == 0 ? Character.toUpperCase(c) : c);
            }
        }
        return out.toString();
    }
}
