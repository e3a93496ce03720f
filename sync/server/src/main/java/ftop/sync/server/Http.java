package ftop.sync.server;

import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import ftop.core.user.User;
import ftop.sync.protocol.ProtocolJson;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Reading requests and writing answers the same way in every endpoint. */
final class Http {

    static final String USER = "ftop.user";
    static final String TOKEN = "ftop.token";

    private Http() {
    }

    /**
     * The JSON body as {@code type}.
     *
     * @throws ApiException 400 naming the field for malformed JSON, unknown fields, wrong types,
     *                      unknown enum values and bad dates; 415 when the body is not JSON
     */
    static <T> T body(Context ctx, Class<T> type) {
        String contentType = ctx.contentType();
        if (contentType != null && !contentType.toLowerCase().startsWith("application/json")) {
            throw new ApiException(415, "unsupported_media_type",
                    "Send the body as JSON (Content-Type: application/json), not " + contentType, null);
        }
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length == 0) {
            throw ApiException.badRequest("The request needs a JSON body", null);
        }
        try {
            // 1.5 is not a revision: whole-number fields take whole numbers only.
            T value = ProtocolJson.mapper().readerFor(type).without(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                    .readValue(bytes);
            if (value == null) {
                throw ApiException.badRequest("The request body is JSON null; expected an object", null);
            }
            return value;
        } catch (IOException e) {
            throw describe(e);
        }
    }

    /** Turns a Jackson error into a 400 that names the field and says what was expected. */
    static ApiException describe(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StreamReadException parse) {
                String where = parse.getLocation() == null ? ""
                        : " (line " + parse.getLocation().getLineNr() + ", column " + parse.getLocation().getColumnNr() + ")";
                return ApiException.badRequest("The body is not valid JSON: " + plain(parse.getOriginalMessage()) + where, null);
            }
        }
        if (e instanceof JsonMappingException mapping) {
            String field = path(mapping);
            String where = field.isEmpty() ? "The body" : "Field \"" + field + "\"";
            if (e instanceof UnrecognizedPropertyException unknown) {
                return ApiException.badRequest("Unknown field \"" + field + "\"; known fields are "
                        + unknown.getKnownPropertyIds(), field);
            }
            if (e instanceof InvalidFormatException format) {
                Class<?> target = format.getTargetType();
                String value = shorten(format.getValue());
                if (target != null && target.isEnum()) {
                    return ApiException.badRequest(where + ": \"" + value + "\" is not one of "
                            + Arrays.toString(target.getEnumConstants()), field);
                }
                if (target != null && target.getName().startsWith("java.time")) {
                    return ApiException.badRequest(where + ": \"" + value + "\" is not a valid "
                            + target.getSimpleName() + " (ISO-8601, e.g. 2021-06-30 or 2021-06-30T09:00:00Z)", field);
                }
                return ApiException.badRequest(where + ": \"" + value + "\" is not "
                        + (target == null ? "a valid value" : describeType(target)), field);
            }
            if (e instanceof ValueInstantiationException instantiation) {
                // A record refused its values: its own message, never the class and exception names.
                Throwable cause = instantiation.getCause();
                return ApiException.badRequest(where + " is not valid: " + (cause instanceof IllegalArgumentException
                        ? cause.getMessage() : "a value is missing or null where one is needed"), field.isEmpty() ? null : field);
            }
            if (e instanceof MismatchedInputException mismatch) {
                Class<?> target = mismatch.getTargetType();
                return ApiException.badRequest(where + " has the wrong type"
                        + (target == null ? "" : ", expected " + describeType(target)), field);
            }
            return ApiException.badRequest(where + " is not valid: " + plain(mapping.getOriginalMessage()), field);
        }
        if (e instanceof JsonProcessingException processing) {
            return ApiException.badRequest("The body is not valid JSON: " + plain(processing.getOriginalMessage()), null);
        }
        return ApiException.badRequest("The body could not be read: " + e.getMessage(), null);
    }

    /** Jackson's message without its source-location noise, which means nothing to a person. */
    private static String plain(String message) {
        if (message == null) {
            return "unexpected content";
        }
        String first = message.replaceAll("\\s*\\(start marker at \\[Source:.*?\\]\\)", "")
                .replaceAll("\\s*at \\[Source:.*", "").lines().findFirst().orElse("").trim();
        // Limits name the Jackson setting behind them ("(1000, from `StreamReadConstraints.getMaxNestingDepth()`)").
        return shorten(first.replaceAll(",?\\s*from `[^`]*`", "").replaceAll("`[a-z]+(\\.[a-z0-9]+)+\\.([A-Z]\\w*)`", "$2"),
                ApiException.MESSAGE_LIMIT);
    }

    /** The longest piece of a client's input repeated in an answer. */
    static final int ECHO_LIMIT = 80;

    /** {@code value} as text, cut to {@link #ECHO_LIMIT} characters: a 400 never repeats a huge value whole. */
    static String shorten(Object value) {
        return shorten(value, ECHO_LIMIT);
    }

    /** {@code value} as text, cut to {@code limit} characters. */
    static String shorten(Object value, int limit) {
        String text = String.valueOf(value);
        return text.length() <= limit ? text : text.substring(0, limit) + "... (" + text.length() + " characters)";
    }

    private static String describeType(Class<?> target) {
        if (target == long.class || target == int.class || target == Long.class || target == Integer.class) {
            return "a whole number";
        }
        if (List.class.isAssignableFrom(target)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(target) || target.isRecord()) {
            return "an object";
        }
        return target.getSimpleName();
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** Writes {@code value} as JSON with {@code status}. */
    static void json(Context ctx, int status, Object value) {
        try {
            ctx.status(status).contentType("application/json").result(ProtocolJson.mapper().writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the answer as JSON", e);
        }
    }

    /** The signed-in user of this request (set by the authentication filter). */
    static User user(Context ctx) {
        User user = ctx.attribute(USER);
        if (user == null) {
            throw ApiException.unauthorized("Sign in first: send Authorization: Bearer <token> from POST /api/v1/session");
        }
        return user;
    }

    /** The {@code {tpid}} of the path; a 400 naming it when it is not a whole number. */
    static long tpidPath(Context ctx) {
        String raw = ctx.pathParam("tpid");
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("The TPID must be a whole number, not \"" + raw + "\"", "tpid");
        }
    }

    /** A whole-number query parameter, or {@code fallback} when absent. */
    static long longParam(Context ctx, String name, long fallback, long min, long max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isEmpty()) {
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Parameter \"" + name + "\" must be a whole number, not \"" + raw + "\"", name);
        }
        if (value < min || value > max) {
            throw ApiException.badRequest("Parameter \"" + name + "\" must be between " + min + " and " + max
                    + ", not " + value, name);
        }
        return value;
    }
}
