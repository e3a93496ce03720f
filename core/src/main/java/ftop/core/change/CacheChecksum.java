package ftop.core.change;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ftop.core.Json;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A checksum of a set of rows, computed the same way by the server over what a user may see and
 * by the desktop over its cache, so that the two can be compared without sending the rows.
 *
 * <p>Each row is encoded canonically: its kind, id, customer and revision, and its body read into
 * its record and written again as {@link EntityCodec#toJson} writes it, with the elements of its
 * sets sorted, so a body stored by an older version (fields in another order, a field added since)
 * or by another process (a set iterated in another order) hashes as it reads today. The row's digest is the
 * first 8 bytes of the SHA-256 of that encoding. A customer's checksum is the sum (modulo 2^64) of
 * its rows' digests with their count: the order rows are read in does not matter, and the sums of
 * {@value #BUCKETS} buckets of customers (by TPID) and of everything follow by adding. Differing
 * buckets narrow a difference down to a few customers without listing every customer.
 *
 * <p>Not thread-safe: one instance per computation.
 */
public final class CacheChecksum {

    /** The number of buckets customers are spread over, by {@link #bucketOf}. */
    public static final int BUCKETS = 256;

    private static final HexFormat HEX = HexFormat.of();
    private static final ObjectMapper MAPPER = Json.mapper();

    private final MessageDigest sha256;
    private final SortedMap<Long, Sum> customers = new TreeMap<>();

    public CacheChecksum() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** The bucket of customer {@code tpid}: 0 to {@value #BUCKETS} - 1. */
    public static int bucketOf(long tpid) {
        return (int) Math.floorMod(tpid, (long) BUCKETS);
    }

    /**
     * The canonical text of a row: what its checksum is computed over.
     *
     * @throws InvalidFieldsException when {@code body} is not a valid row of {@code kind}
     */
    public static String canonical(EntityKind kind, String id, long revision, String body) {
        Object entity = EntityCodec.fromJson(kind, body);
        JsonNode tree = MAPPER.valueToTree(entity);
        sortSets(tree, entity.getClass());
        return kind.wireName() + '\n' + id + '\n' + kind.tpidOf(entity) + '\n' + revision + '\n' + tree;
    }

    /**
     * Puts the elements of every set of a record (an assignment's tenants, a user's roles) in one
     * order: a set iterates in an order of its own, which differs between two processes.
     */
    private static void sortSets(JsonNode node, Class<?> type) {
        if (!type.isRecord() || !(node instanceof ObjectNode object)) {
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            JsonNode value = object.get(component.getName());
            if (value == null) {
                continue;
            }
            if (Set.class.isAssignableFrom(component.getType()) && value instanceof ArrayNode array) {
                List<JsonNode> items = new ArrayList<>();
                array.forEach(items::add);
                items.sort(Comparator.comparing(JsonNode::toString));
                array.removeAll();
                array.addAll(items);
            } else {
                sortSets(value, component.getType());
            }
        }
    }

    /**
     * Adds a live row to the checksum of customer {@code tpid}. A body that is not a valid row of its
     * kind counts as its raw text, so a damaged row still shows as a difference.
     */
    public void add(long tpid, EntityKind kind, String id, long revision, String body) {
        String text;
        try {
            text = canonical(kind, id, revision, body);
        } catch (InvalidFieldsException | IllegalArgumentException e) {
            text = kind.wireName() + '\n' + id + '\n' + revision + "\n!" + body;
        }
        byte[] hash = sha256.digest(text.getBytes(StandardCharsets.UTF_8));
        long digest = 0;
        for (int i = 0; i < 8; i++) {
            digest = (digest << 8) | (hash[i] & 0xff);
        }
        customers.computeIfAbsent(tpid, t -> new Sum()).add(1, digest);
    }

    /** Leaves customer {@code tpid} out, as if none of its rows had been added. */
    public void exclude(long tpid) {
        customers.remove(tpid);
    }

    /** The checksum of every customer added, by TPID. */
    public SortedMap<Long, Digest> customers() {
        SortedMap<Long, Digest> out = new TreeMap<>();
        customers.forEach((tpid, sum) -> out.put(tpid, sum.digest()));
        return Collections.unmodifiableSortedMap(out);
    }

    /** The checksum of each bucket holding at least one customer, by bucket. */
    public SortedMap<Integer, Digest> buckets() {
        SortedMap<Integer, Sum> sums = new TreeMap<>();
        for (Map.Entry<Long, Sum> customer : customers.entrySet()) {
            sums.computeIfAbsent(bucketOf(customer.getKey()), b -> new Sum()).add(customer.getValue());
        }
        SortedMap<Integer, Digest> out = new TreeMap<>();
        sums.forEach((bucket, sum) -> out.put(bucket, sum.digest()));
        return Collections.unmodifiableSortedMap(out);
    }

    /** The checksum of everything added. */
    public Digest total() {
        Sum all = new Sum();
        customers.values().forEach(all::add);
        return all.digest();
    }

    /**
     * A checksum: how many rows, and the sum of their digests as 16 hex digits.
     *
     * @param rows     the number of rows
     * @param checksum the sum of the rows' digests, 16 lower-case hex digits
     */
    public record Digest(long rows, String checksum) {
    }

    private static final class Sum {
        private long rows;
        private long sum;

        void add(long count, long digest) {
            rows += count;
            sum += digest;
        }

        void add(Sum other) {
            add(other.rows, other.sum);
        }

        Digest digest() {
            return new Digest(rows, HEX.toHexDigits(sum));
        }
    }
}
