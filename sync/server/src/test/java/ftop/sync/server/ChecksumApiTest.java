package ftop.sync.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import ftop.core.change.CacheChecksum;
import ftop.core.change.EntityKind;
import ftop.core.change.Mutation;
import ftop.core.user.User;
import ftop.core.validation.Contoso;
import ftop.sync.protocol.ChangesPage;
import ftop.sync.protocol.CustomerRows;
import ftop.sync.protocol.MutationResult;
import ftop.sync.protocol.Outcome;
import ftop.sync.protocol.RowChange;
import ftop.sync.protocol.ScopeChecksum;
import ftop.sync.protocol.ScopeChecksum.BucketChecksum;
import ftop.sync.protocol.ScopeChecksum.CustomerChecksum;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code GET /checksum} and {@code GET /customers/{tpid}/rows} on a real server: the checksum is
 * the one a client computes over what its pulls gave it, a row changed behind the server's back
 * shows in its bucket and customer only, and customers changed after the revision asked are left out.
 */
@ParameterizedClass
@EnumSource(ServerTestBase.Backend.class)
class ChecksumApiTest extends ServerTestBase {

    private static final int CONTOSO_BUCKET = CacheChecksum.bucketOf(Contoso.TPID);

    private ScopeChecksum checksum(User user, long revision, String buckets) throws Exception {
        Answer answer = get("/checksum?revision=" + revision + (buckets == null ? "" : "&buckets=" + buckets), token(user));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.as(ScopeChecksum.class);
    }

    /** What a client that pulled everything computes. */
    private CacheChecksum pulled(User user) throws Exception {
        CacheChecksum sums = new CacheChecksum();
        for (RowChange row : changes(pullAll(user, 0, 5000))) {
            if (!row.deleted()) {
                sums.add(row.tpid(), EntityKind.fromWireName(row.kind()).orElseThrow(), row.id(), row.revision(),
                        row.body().toString());
            }
        }
        return sums;
    }

    private long cursor(User user) throws Exception {
        List<ChangesPage> pages = pullAll(user, 0, 5000);
        return pages.get(pages.size() - 1).next();
    }

    private void onServer(String sql, Object... values) throws Exception {
        server.database().inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    ps.setObject(i + 1, values[i]);
                }
                assertThat(ps.executeUpdate()).as(sql).isEqualTo(1);
            }
            return null;
        });
    }

    @Test
    void theChecksumIsTheOneAClientComputesOverItsPulls() throws Exception {
        for (User user : List.of(World.FM, World.PARTNER, World.US_LEAD)) {
            long cursor = cursor(user);
            CacheChecksum mine = pulled(user);
            ScopeChecksum theirs = checksum(user, cursor, null);
            assertThat(theirs.revision()).isEqualTo(cursor);
            assertThat(theirs.unsettled()).as(user.userId()).isEmpty();
            assertThat(theirs.rows()).as(user.userId()).isEqualTo(mine.total().rows()).isPositive();
            assertThat(theirs.checksum()).as(user.userId()).isEqualTo(mine.total().checksum());
            assertThat(theirs.buckets()).extracting(BucketChecksum::bucket).containsExactlyElementsOf(mine.buckets().keySet());
            assertThat(theirs.customers()).isEmpty();
        }
        // The partner sees one of Contoso's two tenants: the checksums differ from the FM's.
        assertThat(checksum(World.PARTNER, cursor(World.PARTNER), null).checksum())
                .isNotEqualTo(checksum(World.FM, cursor(World.FM), null).checksum());
    }

    @Test
    void aRowChangedBehindTheServersBackShowsInItsBucketAndCustomerOnly() throws Exception {
        long cursor = cursor(World.FM);
        ScopeChecksum before = checksum(World.FM, cursor, "0," + CONTOSO_BUCKET);
        onServer("UPDATE sync_row SET body = REPLACE(body, '\"Contoso\"', '\"Contoso (typed by hand)\"') "
                + "WHERE kind = 'customer' AND id = ?", Long.toString(Contoso.TPID));
        ScopeChecksum after = checksum(World.FM, cursor, "0," + CONTOSO_BUCKET);

        assertThat(after.unsettled()).isEmpty();
        assertThat(after.rows()).isEqualTo(before.rows());
        assertThat(after.checksum()).isNotEqualTo(before.checksum());
        assertThat(after.buckets()).filteredOn(b -> b.bucket() != CONTOSO_BUCKET)
                .containsExactlyElementsOf(before.buckets().stream().filter(b -> b.bucket() != CONTOSO_BUCKET).toList());
        assertThat(after.customers()).extracting(CustomerChecksum::tpid).contains(0L, Contoso.TPID);
        assertThat(after.customers()).filteredOn(c -> c.tpid() == 0L)
                .containsExactlyElementsOf(before.customers().stream().filter(c -> c.tpid() == 0L).toList());
        assertThat(after.customers()).filteredOn(c -> c.tpid() == Contoso.TPID)
                .doesNotContainAnyElementsOf(before.customers());

        // A row gone without a tombstone changes the count too.
        onServer("DELETE FROM sync_row WHERE kind = 'contact' AND id = ?", Contoso.CUSTOMER_CONTACT.id().toString());
        assertThat(checksum(World.FM, cursor, null).rows()).isEqualTo(before.rows() - 1);
    }

    @Test
    void aCustomerChangedAfterTheRevisionIsLeftOutAsUnsettled() throws Exception {
        long cursor = cursor(World.FM);
        ScopeChecksum before = checksum(World.FM, cursor, null);
        long base = revisionOf(World.FM, EntityKind.HEALTH, Long.toString(Contoso.TPID));
        MutationResult edit = pushOne(World.FM, Mutation.upsert(EntityKind.HEALTH, Long.toString(Contoso.TPID), base,
                Map.of("progress.expectedHealth", TextNode.valueOf("GREEN"))));
        assertThat(edit.outcome()).isEqualTo(Outcome.APPLIED);

        ScopeChecksum atOldCursor = checksum(World.FM, cursor, null);
        assertThat(atOldCursor.unsettled()).containsExactly(Contoso.TPID);
        assertThat(atOldCursor.buckets()).extracting(BucketChecksum::bucket).doesNotContain(CONTOSO_BUCKET);
        assertThat(atOldCursor.rows()).isLessThan(before.rows());

        ScopeChecksum caughtUp = checksum(World.FM, cursor(World.FM), null);
        assertThat(caughtUp.unsettled()).isEmpty();
        assertThat(caughtUp.checksum()).isEqualTo(pulled(World.FM).total().checksum()).isNotEqualTo(before.checksum());
    }

    @Test
    void aCustomersRowsAreTheOnesItsPullsGaveAndACustomerOutOfScopeHasNone() throws Exception {
        String contoso = Long.toString(Contoso.TPID);
        Answer answer = get("/customers/" + contoso + "/rows", token(World.PARTNER));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        CustomerRows rows = answer.as(CustomerRows.class);
        assertThat(rows.inScope()).isTrue();
        List<String> pulled = keys(changes(pullAll(World.PARTNER, 0, 5000)).stream()
                .filter(c -> c.tpid() == Contoso.TPID && !c.deleted()).toList());
        assertThat(keys(rows.rows())).containsExactlyInAnyOrderElementsOf(pulled)
                .doesNotContain("tenant:" + Contoso.WINNER_TENANT_ID);

        CustomerRows outside = get("/customers/" + Contoso.FABRIKAM_TPID + "/rows", token(World.FM)).as(CustomerRows.class);
        assertThat(outside.inScope()).isFalse();
        assertThat(outside.rows()).isEmpty();
    }

    @Test
    void badAsksAreAnsweredWithAMessage() throws Exception {
        String token = token(World.FM);
        assertThat(get("/checksum", token).error().field()).isEqualTo("revision");
        assertThat(get("/checksum?revision=1&buckets=256", token).error().field()).isEqualTo("buckets");
        assertThat(get("/checksum?revision=1&buckets=a", token).error().field()).isEqualTo("buckets");
        Answer ahead = get("/checksum?revision=" + (serverRevision() + 1000), token);
        assertThat(ahead.status()).isEqualTo(409);
        assertThat(ahead.error().error()).isEqualTo("resync");
        assertThat(get("/customers/x/rows", token).error().field()).isEqualTo("tpid");
        assertThat(get("/checksum?revision=1", null).status()).isEqualTo(401);
    }
}
