package ftop.core.change;

import static org.assertj.core.api.Assertions.assertThat;

import ftop.core.validation.Contoso;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CacheChecksumTest {

    private static final List<UUID> TENANTS = IntStream.rangeClosed(1, 6)
            .mapToObj(i -> UUID.fromString("00000000-0000-0000-0000-00000000a00" + i)).toList();

    private static String assignmentJson(List<UUID> tenants) {
        return "{\"id\":\"00000000-0000-0000-0000-00000000e009\",\"tpid\":1001,\"area\":\"ONBOARDING\",\"role\":\"FE\","
                + "\"userId\":\"sara.adams\",\"customerScope\":false,\"tenantIds\":["
                + tenants.stream().map(t -> "\"" + t + "\"").collect(Collectors.joining(",")) + "],\"primary\":false}";
    }

    @Test
    void aSetIsEncodedInOneOrderWhateverOrderItCameIn() {
        List<UUID> reversed = new ArrayList<>(TENANTS);
        Collections.reverse(reversed);
        String sorted = TENANTS.stream().map(t -> "\"" + t + "\"").collect(Collectors.joining(",", "[", "]"));

        String forwards = CacheChecksum.canonical(EntityKind.ASSIGNMENT, "a", 7, assignmentJson(TENANTS));
        String backwards = CacheChecksum.canonical(EntityKind.ASSIGNMENT, "a", 7, assignmentJson(reversed));

        assertThat(forwards).isEqualTo(backwards).contains("\"tenantIds\":" + sorted);
        assertThat(forwards).startsWith("assignment\na\n1001\n7\n{");
    }

    @Test
    void aRowsFieldsRevisionAndPresenceAllCount() {
        String customer = EntityCodec.toJson(Contoso.CUSTOMER);
        String renamed = customer.replace("\"Contoso\"", "\"Contoso Ltd\"");
        assertThat(renamed).isNotEqualTo(customer);

        CacheChecksum base = new CacheChecksum();
        base.add(Contoso.TPID, EntityKind.CUSTOMER, "1001", 5, customer);
        CacheChecksum otherName = new CacheChecksum();
        otherName.add(Contoso.TPID, EntityKind.CUSTOMER, "1001", 5, renamed);
        CacheChecksum otherRevision = new CacheChecksum();
        otherRevision.add(Contoso.TPID, EntityKind.CUSTOMER, "1001", 6, customer);
        CacheChecksum damaged = new CacheChecksum();
        damaged.add(Contoso.TPID, EntityKind.CUSTOMER, "1001", 5, "{not json");

        assertThat(List.of(otherName.total(), otherRevision.total(), damaged.total()))
                .doesNotContain(base.total()).doesNotHaveDuplicates();
        assertThat(base.total().rows()).isEqualTo(1);
        assertThat(base.total().checksum()).hasSize(16);
    }

    @Test
    void customersBucketsAndTheTotalDoNotDependOnTheOrderRowsArriveIn() {
        String customer = EntityCodec.toJson(Contoso.CUSTOMER);
        String fabrikam = EntityCodec.toJson(Contoso.FABRIKAM);
        String tenant = EntityCodec.toJson(Contoso.WINNER_TENANT);
        CacheChecksum one = new CacheChecksum();
        one.add(Contoso.TPID, EntityKind.CUSTOMER, "1001", 1, customer);
        one.add(Contoso.TPID, EntityKind.TENANT, Contoso.WINNER_TENANT_ID.toString(), 2, tenant);
        one.add(Contoso.FABRIKAM_TPID, EntityKind.CUSTOMER, "2002", 3, fabrikam);
        CacheChecksum two = new CacheChecksum();
        two.add(Contoso.FABRIKAM_TPID, EntityKind.CUSTOMER, "2002", 3, fabrikam);
        two.add(Contoso.TPID, EntityKind.TENANT, Contoso.WINNER_TENANT_ID.toString(), 2, tenant);
        two.add(Contoso.TPID, EntityKind.CUSTOMER, "1001", 1, customer);

        assertThat(two.total()).isEqualTo(one.total());
        assertThat(two.customers()).isEqualTo(one.customers()).containsOnlyKeys(Contoso.TPID, Contoso.FABRIKAM_TPID);
        assertThat(one.customers().get(Contoso.TPID).rows()).isEqualTo(2);
        assertThat(two.buckets()).isEqualTo(one.buckets())
                .containsOnlyKeys(CacheChecksum.bucketOf(Contoso.TPID), CacheChecksum.bucketOf(Contoso.FABRIKAM_TPID));

        one.exclude(Contoso.FABRIKAM_TPID);
        assertThat(one.total().rows()).isEqualTo(2);
        assertThat(one.buckets()).containsOnlyKeys(CacheChecksum.bucketOf(Contoso.TPID));
        assertThat(CacheChecksum.bucketOf(1001)).isEqualTo(1001 % 256);
        assertThat(CacheChecksum.bucketOf(0)).isZero();
    }
}
