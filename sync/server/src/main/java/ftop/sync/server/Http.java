package ftop.sync.server;

import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import ftop.core.user.User;
import ftop.sync.protocol.ProtocolJson;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Arrays;
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
            T value = ProtocolJson.mapper().readValue(bytes, type);
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
                if (target != null && target.isEnum()) {
                    return ApiException.badRequest(where + ": \"" + format.getValue() + "\" is not one of "
                            + Arrays.toString(target.getEnumConstants()), field);
                }
                if (target != null && target.getName().startsWith("java.time")) {
                    return ApiException.badRequest(where + ": \"" + format.getValue() + "\" is not a valid "
                            + target.getSimpleName() + " (ISO-8601, e.g. 2021-06-30 or 2021-06-30T09:00:00Z)", field);
                }
                return ApiException.badRequest(where + ": \"" + format.getValue() + "\" is not a valid "
                        + (target == null ? "value" : target.getSimpleName()), field);
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
        return message.replaceAll("\\s*\\(start marker at \\[Source:.*?\\]\\)", "")
                .replaceAll("\\s*at \\[Source:.*", "").lines().findFirst().orElse("").trim();
    }

    private static String describeType(Class<?> target) {
        if (target == long.class || target == int.class || target == Long.class || target == Integer.class) {
            return "a whole number";
        }
        if (java.util.List.class.isAssignableFrom(target)) {
            return "a list";
        }
        if (java.util.Map.class.isAssignableFrom(target) || target.isRecord()) {
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
