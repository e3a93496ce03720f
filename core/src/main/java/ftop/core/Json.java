package ftop.core;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;

/**
 * The one JSON configuration of FTOP, shared by the local store, the wire protocol and the
 * server so that a value reads the same everywhere: ISO dates, enums by constant name, absent
 * values as {@code null}, and unknown fields refused rather than silently dropped. Sets are written
 * sorted (by each element's text), so the same data is the same JSON in every process: a set
 * made by {@code Set.copyOf} iterates in an order that differs from one JVM run to the next.
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new Jdk8Module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .addModule(new SimpleModule("ftop-sorted-sets").setSerializerModifier(new SortedSets()))
            .build();

    private Json() {
    }

    /** The shared, thread-safe mapper. Do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Writes every unordered set as {@link SortedSetSerializer} does. */
    private static final class SortedSets extends BeanSerializerModifier {
        @Override
        public JsonSerializer<?> modifyCollectionSerializer(SerializationConfig config, CollectionType type,
                                                            BeanDescription description, JsonSerializer<?> serializer) {
            Class<?> raw = type.getRawClass();
            return Set.class.isAssignableFrom(raw) && !SortedSet.class.isAssignableFrom(raw)
                    ? new SortedSetSerializer() : serializer;
        }
    }

    /** A set as a JSON array of its elements sorted by their text ({@code String.valueOf}). */
    private static final class SortedSetSerializer extends StdSerializer<Set<?>> {
        @SuppressWarnings({"unchecked", "rawtypes"})
        SortedSetSerializer() {
            super((Class) Set.class);
        }

        @Override
        public boolean isEmpty(SerializerProvider provider, Set<?> value) {
            return value == null || value.isEmpty();
        }

        @Override
        public void serialize(Set<?> value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            List<Object> items = new ArrayList<>(value);
            items.sort(Comparator.comparing(String::valueOf));
            gen.writeStartArray(value, items.size());
            for (Object item : items) {
                provider.defaultSerializeValue(item, gen);
            }
            gen.writeEndArray();
        }
    }
}
