package ftop.sync.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import ftop.core.assignment.Assignment;
import ftop.core.assignment.AssignmentArea;
import ftop.core.assignment.Role;
import ftop.core.change.EntityCodec;
import ftop.core.change.EntityKind;
import ftop.core.change.Mutation;
import ftop.core.validation.Contoso;
import ftop.sync.protocol.ChangesPage;
import ftop.sync.protocol.Outcome;
import ftop.sync.protocol.RowChange;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(ServerTestBase.Backend.class)
class ChangesApiTest extends ServerTestBase {

    private static final String CONTOSO = Long.toString(Contoso.TPID);
    private static final String FABRIKAM = Long.toString(Contoso.FABRIKAM_TPID);

    @Test
    void aFirstPullBringsWhatTheAssignmentsGiveAndThePeople() throws Exception {
        List<RowChange> rows = changes(pullAll(World.FM, 0, 500));
        assertThat(keys(rows)).contains("customer:" + CONTOSO, "tenant:" + Contoso.WINNER_TENANT_ID,
                "tenant:" + Contoso.SECOND_TENANT_ID, "health:" + CONTOSO, "statusNote:" + Contoso.note().id(),
                "contact:" + Contoso.CUSTOMER_CONTACT_ID, "assignment:" + Contoso.primaryFm().id(),
                "user:megan.bowen", "user:admin");
        assertThat(rows).noneMatch(r -> r.tpid() == Contoso.FABRIKAM_TPID);
        RowChange customer = rows.stream().filter(r -> r.kind().equals("customer")).findFirst().orElseThrow();
        assertThat(customer.body().path("name").asText()).isEqualTo("Contoso");
        assertThat(customer.revision()).isPositive().isLessThanOrEqualTo(loadedRevision);
    }

    @Test
    void leadsSeeTheirRegionAndAdminsSeeEverything() throws Exception {
        assertThat(changes(pullAll(World.US_LEAD, 0, 500))).anyMatch(r -> r.tpid() == Contoso.TPID)
                .noneMatch(r -> r.tpid() == Contoso.FABRIKAM_TPID);
        assertThat(changes(pullAll(World.ADMIN, 0, 500))).anyMatch(r -> r.tpid() == Contoso.TPID)
                .anyMatch(r -> r.tpid() == Contoso.FABRIKAM_TPID);
        assertThat(changes(pullAll(World.OTHER_FM, 0, 500))).allMatch(r -> r.kind().equals("user"));
    }

    @Test
    void partnersSeeOnlyTheirTenantsAndNotTheNotesOnOthers() throws Exception {
        List<String> keys = keys(changes(pullAll(World.PARTNER, 0, 500)));
        assertThat(keys).contains("customer:" + CONTOSO, "tenant:" + Contoso.SECOND_TENANT_ID)
                .doesNotContain("tenant:" + Contoso.WINNER_TENANT_ID, "statusNote:" + Contoso.note().id(),
                        "customer:" + FABRIKAM);
    }

    @Test
    void pagesFollowOneAnotherWithoutGapsOrRepeats() throws Exception {
        List<ChangesPage> onePage = pullAll(World.ADMIN, 0, 5000);
        assertThat(onePage).hasSize(1);
        assertThat(onePage.get(0).more()).isFalse();
        assertThat(onePage.get(0).next()).isEqualTo(onePage.get(0).serverRevision());

        List<ChangesPage> small = pullAll(World.ADMIN, 0, 3);
        assertThat(small).hasSizeGreaterThan(5);
        assertThat(small.subList(0, small.size() - 1)).allMatch(ChangesPage::more).allMatch(p -> p.changes().size() == 3);
        assertThat(keys(changes(small))).containsExactlyElementsOf(keys(changes(onePage)));
        for (int i = 1; i < small.size(); i++) {
            assertThat(small.get(i).since()).isEqualTo(small.get(i - 1).next());
        }
        // Caught up: asking again from the end brings nothing.
        ChangesPage caughtUp = page(World.ADMIN, small.get(small.size() - 1).next(), 3);
        assertThat(caughtUp.changes()).isEmpty();
        assertThat(caughtUp.more()).isFalse();
    }

    @Test
    void aPageNeverEndsInsideAPushBatch() throws Exception {
        // The data set's bulk load is not one transaction: its pages may end anywhere.
        assertThat(commitsRecorded()).isZero();
        long since = pullAll(World.FM, 0, 500).get(0).next();

        // One push of three edits commits them together, at three consecutive revisions.
        long batch = pushBatch(World.FM, "GTP", "CTO", "COMPETE");
        assertThat(commitsRecorded()).isEqualTo(1);

        // A limit of two would cut the batch after its second row: the page runs over to take it whole.
        List<ChangesPage> pages = pullAll(World.FM, since, 2);
        assertThat(pages).singleElement().satisfies(page -> {
            assertThat(keys(page.changes())).containsExactly("contact:" + Contoso.MICROSOFT_CONTACT_ID,
                    "contact:" + Contoso.CUSTOMER_CONTACT_ID, "health:" + CONTOSO);
            assertThat(page.next()).isEqualTo(batch + 2);
            assertThat(page.more()).isFalse();
        });

        // One edit of its own, then another batch: the first page stops before the batch, short of its
        // limit, and the next takes the batch whole.
        var single = pushOne(World.FM, Mutation.upsert(EntityKind.STATUS_NOTE, Contoso.note().id().toString(), 0,
                Map.of("risks", TextNode.valueOf("None left."))));
        assertThat(single.outcome()).as(single.message()).isEqualTo(Outcome.APPLIED);
        long second = pushBatch(World.FM, "FastTrack", "CEO", "ALIGNED");
        assertThat(second).isEqualTo(single.revision() + 1);

        List<ChangesPage> after = pullAll(World.FM, batch + 2, 2);
        assertThat(after).hasSize(2);
        assertThat(keys(after.get(0).changes())).containsExactly("statusNote:" + Contoso.note().id());
        assertThat(after.get(0).next()).isEqualTo(single.revision());
        assertThat(after.get(0).more()).isTrue();
        assertThat(after.get(1).changes()).hasSize(3).allMatch(r -> r.revision() >= second && r.revision() <= second + 2);
        assertThat(after.get(1).next()).isEqualTo(second + 2);

        // Both plans of finding a page's rows agree on where pages end.
        Database db = server.database();
        for (int limit : List.of(1, 2, 3, 4)) {
            assertThat(pullDirect(db, World.FM.userId(), since, limit, ChangesApi.Plan.SEEK))
                    .usingRecursiveComparison()
                    .isEqualTo(pullDirect(db, World.FM.userId(), since, limit, ChangesApi.Plan.WALK));
            for (ChangesPage page : pullDirect(db, World.FM.userId(), since, limit, ChangesApi.Plan.CHOOSE)) {
                assertThat(page.next()).as("limit " + limit).isNotIn(batch, batch + 1, second, second + 1);
            }
        }
    }

    /** Pushes three of the FM's edits in one batch; returns the revision of the first. */
    private long pushBatch(ftop.core.user.User fm, String microsoftTitle, String customerTitle, String mindset)
            throws Exception {
        Answer answer = push(fm,
                Mutation.upsert(EntityKind.CONTACT, Contoso.MICROSOFT_CONTACT_ID.toString(), 0,
                        Map.of("title", TextNode.valueOf(microsoftTitle))),
                Mutation.upsert(EntityKind.CONTACT, Contoso.CUSTOMER_CONTACT_ID.toString(), 0,
                        Map.of("title", TextNode.valueOf(customerTitle))),
                Mutation.upsert(EntityKind.HEALTH, CONTOSO, 0,
                        Map.of("perspective.mindset", TextNode.valueOf(mindset))));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<ftop.sync.protocol.MutationResult> results = answer.as(ftop.sync.protocol.MutationResults.class).results();
        assertThat(results).allSatisfy(r -> assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.APPLIED));
        assertThat(results).extracting(ftop.sync.protocol.MutationResult::revision)
                .containsExactly(results.get(0).revision(), results.get(0).revision() + 1, results.get(0).revision() + 2);
        return results.get(0).revision();
    }

    private long commitsRecorded() throws Exception {
        return server.database().read(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT COUNT(*) FROM revision_commit")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Test
    void aCatchUpBringsOnlyNewChangesAndTombstones() throws Exception {
        long since = pullAll(World.FM, 0, 500).get(0).serverRevision();
        var edit = pushOne(World.FM, Mutation.upsert(EntityKind.CONTACT, Contoso.MICROSOFT_CONTACT_ID.toString(), 0,
                Map.of("title", TextNode.valueOf("GTP"))));
        assertThat(edit.outcome()).as(edit.message()).isEqualTo(Outcome.APPLIED);
        var removal = pushOne(World.FM, Mutation.delete(EntityKind.STATUS_NOTE, Contoso.note().id().toString(),
                revisionOf(World.FM, EntityKind.STATUS_NOTE, Contoso.note().id().toString())));
        assertThat(removal.outcome()).as(removal.message()).isEqualTo(Outcome.APPLIED);

        List<RowChange> rows = changes(pullAll(World.FM, since, 500));
        assertThat(keys(rows)).containsExactly("contact:" + Contoso.MICROSOFT_CONTACT_ID,
                "statusNote:" + Contoso.note().id() + ":deleted");
        assertThat(rows.get(0).body().path("title").asText()).isEqualTo("GTP");
        assertThat(rows.get(1).body()).isNull();
        // A first sync does not bother with tombstones.
        assertThat(keys(changes(pullAll(World.FM, 0, 500)))).noneMatch(k -> k.endsWith(":deleted"));
    }

    @Test
    void aPulledRowSaysWhoChangedItAndWhen() throws Exception {
        long since = pullAll(World.US_LEAD, 0, 500).get(0).serverRevision();
        // Rows loaded with the data set have no author: they carry none.
        assertThat(changes(pullAll(World.US_LEAD, 0, 500))).allMatch(r -> r.changedBy() == null && r.changedAt() == null);
        Instant before = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        var edit = pushOne(World.FM, Mutation.upsert(EntityKind.CONTACT, Contoso.MICROSOFT_CONTACT_ID.toString(), 0,
                Map.of("title", TextNode.valueOf("GTP"))));
        assertThat(edit.outcome()).as(edit.message()).isEqualTo(Outcome.APPLIED);
        assertThat(edit.row().changedBy()).isEqualTo(World.FM.userId());

        // Another user's pull, from the cursor (the revision walk) and from 0 (the first sync), says who and when.
        for (long from : new long[] {since, 0}) {
            RowChange contact = changes(pullAll(World.US_LEAD, from, 500)).stream()
                    .filter(r -> r.id().equals(Contoso.MICROSOFT_CONTACT_ID.toString())).findFirst().orElseThrow();
            assertThat(contact.changedBy()).isEqualTo(World.FM.userId());
            assertThat(contact.changedAt()).isBetween(before, clock.instant());
        }
        // And so does the FM's own pull (small scope: each customer's rows sought), and the wire form.
        RowChange own = changes(pullAll(World.FM, since, 500)).get(0);
        assertThat(own.changedBy()).isEqualTo(World.FM.userId());
        String wire = get("/changes?since=" + since + "&limit=500", token(World.US_LEAD)).body();
        assertThat(wire).contains("\"changedBy\":\"" + World.FM.userId() + "\"", "\"changedAt\":\"");
        assertThat(get("/changes?since=0&limit=5", token(World.US_LEAD)).body()).doesNotContain("changedBy", "changedAt");
    }

    @Test
    void aCustomerNewlyInScopeArrivesWholeAndOneOutOfScopeIsDropped() throws Exception {
        long since = pullAll(World.OTHER_FM, 0, 500).get(0).next();
        Assignment assignment = new Assignment(UUID.randomUUID(), Contoso.FABRIKAM_TPID, AssignmentArea.ONBOARDING,
                Role.FM, World.OTHER_FM.userId(), true, Set.of(), false);
        var added = pushOne(World.ASSIGNMENT_TEAM, Mutation.upsert(EntityKind.ASSIGNMENT, assignment.id().toString(), 0,
                EntityCodec.fields(assignment)));
        assertThat(added.outcome()).as(added.message()).isEqualTo(Outcome.APPLIED);

        List<ChangesPage> pages = pullAll(World.OTHER_FM, since, 2);
        List<String> keys = keys(changes(pages));
        assertThat(keys).contains("customer:" + FABRIKAM, "tenant:" + Contoso.FABRIKAM_TENANT_ID,
                "contact:" + Contoso.FABRIKAM_CONTACT_ID, "assignment:" + World.FTA_ON_FABRIKAM.id(),
                "assignment:" + assignment.id());
        assertThat(keys).doesNotContain("customer:" + CONTOSO);
        assertThat(pages).allMatch(p -> p.droppedCustomers().isEmpty());
        long afterGrowth = pages.get(pages.size() - 1).next();

        var removed = pushOne(World.ASSIGNMENT_TEAM, Mutation.delete(EntityKind.ASSIGNMENT, assignment.id().toString(),
                added.revision()));
        assertThat(removed.outcome()).as(removed.message()).isEqualTo(Outcome.APPLIED);
        List<ChangesPage> shrink = pullAll(World.OTHER_FM, afterGrowth, 500);
        assertThat(shrink.stream().flatMap(p -> p.droppedCustomers().stream())).containsExactly(Contoso.FABRIKAM_TPID);
        assertThat(changes(shrink)).noneMatch(r -> r.tpid() == Contoso.FABRIKAM_TPID && !r.deleted());
        // A fresh device of the same user sees neither.
        assertThat(changes(pullAll(World.OTHER_FM, 0, 500))).allMatch(r -> r.kind().equals("user"));

        // Back in scope: a fresh device gets the customer whole, without tombstones; the old device
        // gets it whole again, with the tombstone of the assignment that was removed meanwhile.
        Assignment again = new Assignment(UUID.randomUUID(), Contoso.FABRIKAM_TPID, AssignmentArea.GATEWAY,
                Role.GATEWAY, World.OTHER_FM.userId(), true, Set.of(), false);
        assertThat(pushOne(World.ASSIGNMENT_TEAM, Mutation.upsert(EntityKind.ASSIGNMENT, again.id().toString(), 0,
                EntityCodec.fields(again))).outcome()).isEqualTo(Outcome.APPLIED);
        List<String> fresh = keys(changes(pullAll(World.OTHER_FM, 0, 500)));
        assertThat(fresh).contains("customer:" + FABRIKAM, "assignment:" + again.id()).noneMatch(k -> k.endsWith(":deleted"));
        List<String> old = keys(changes(pullAll(World.OTHER_FM, since, 500)));
        assertThat(old).contains("customer:" + FABRIKAM, "assignment:" + again.id() , "assignment:" + assignment.id() + ":deleted");
    }

    @Test
    void aPartnerMovedToAnotherTenantGetsItAndLosesTheOld() throws Exception {
        long since = pullAll(World.PARTNER, 0, 500).get(0).next();
        var moved = pushOne(World.ASSIGNMENT_TEAM, Mutation.upsert(EntityKind.ASSIGNMENT,
                World.PARTNER_ON_SECOND.id().toString(), loadedRevision, Map.of("tenantIds",
                        MAPPER.valueToTree(List.of(Contoso.WINNER_TENANT_ID.toString())))));
        assertThat(moved.outcome()).as(moved.message()).isEqualTo(Outcome.APPLIED);
        List<String> keys = keys(changes(pullAll(World.PARTNER, since, 500)));
        assertThat(keys).contains("tenant:" + Contoso.WINNER_TENANT_ID, "statusNote:" + Contoso.note().id(),
                "tenant:" + Contoso.SECOND_TENANT_ID + ":deleted");
    }

    @Test
    void aLeadWhoseRegionChangesSwapsCustomers() throws Exception {
        long since = pullAll(World.US_LEAD, 0, 500).get(0).next();
        var changed = pushOne(World.ADMIN, Mutation.upsert(EntityKind.USER, World.US_LEAD.userId(), 0,
                Map.of("region", TextNode.valueOf("UNITED_KINGDOM"))));
        assertThat(changed.outcome()).as(changed.message()).isEqualTo(Outcome.APPLIED);
        List<ChangesPage> pages = pullAll(World.US_LEAD, since, 1);
        assertThat(pages.stream().flatMap(p -> p.droppedCustomers().stream())).containsExactly(Contoso.TPID);
        assertThat(keys(changes(pages))).contains("customer:" + FABRIKAM, "user:" + World.US_LEAD.userId());
    }

    @Test
    void aCustomerMovedIntoALeadsRegionOrCreatedThereReachesTheLead() throws Exception {
        long since = pullAll(World.US_LEAD, 0, 500).get(0).next();
        var moved = pushOne(World.ASSIGNMENT_TEAM, Mutation.upsert(EntityKind.CUSTOMER, FABRIKAM, loadedRevision,
                Map.of("region", TextNode.valueOf("UNITED_STATES"))));
        assertThat(moved.outcome()).as(moved.message()).isEqualTo(Outcome.APPLIED);
        ftop.core.customer.Customer northwind = new ftop.core.customer.Customer(3003, "Northwind Traders",
                ftop.core.customer.Segment.S1500, ftop.core.customer.Region.UNITED_STATES,
                ftop.core.customer.Vertical.RETAIL_CONSUMER_GOODS, "", ftop.core.customer.LifecyclePhase.INITIATE, List.of());
        var created = pushOne(World.ASSIGNMENT_TEAM, Mutation.upsert(EntityKind.CUSTOMER, "3003", 0,
                EntityCodec.fields(northwind)));
        assertThat(created.outcome()).as(created.message()).isEqualTo(Outcome.APPLIED);

        List<String> keys = keys(changes(pullAll(World.US_LEAD, since, 2)));
        assertThat(keys).contains("customer:" + FABRIKAM, "tenant:" + Contoso.FABRIKAM_TENANT_ID,
                "contact:" + Contoso.FABRIKAM_CONTACT_ID, "customer:3003");
        assertThat(changes(pullAll(World.FM, 0, 500))).noneMatch(r -> r.tpid() == 3003 || r.tpid() == Contoso.FABRIKAM_TPID);
    }

    @Test
    void badParametersAreExplained() throws Exception {
        String token = token(World.FM);
        Answer notNumber = get("/changes?since=yesterday", token);
        assertThat(notNumber.status()).isEqualTo(400);
        assertThat(notNumber.error().field()).isEqualTo("since");
        assertThat(get("/changes?since=-1", token).status()).isEqualTo(400);
        Answer tooMany = get("/changes?since=0&limit=5001", token);
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.error().message()).contains("between 1 and 5000");
        assertThat(get("/changes?since=0&limit=0", token).status()).isEqualTo(400);
    }

    @Test
    void everyPageAndTheSessionAnswerCarryTheDatabasesId() throws Exception {
        String id = login(World.FM).serverId();
        assertThat(UUID.fromString(id).toString()).isEqualTo(id);
        assertThat(id).isEqualTo(server.database().serverId());
        assertThat(pullAll(World.FM, 0, 2)).hasSizeGreaterThan(1).allSatisfy(page -> assertThat(page.serverId()).isEqualTo(id));
        assertThat(page(World.FM, loadedRevision, 500).serverId()).isEqualTo(id);
        assertThat(login(World.ADMIN).serverId()).isEqualTo(id);
    }

    @Test
    void aCursorAheadOfTheServerIsAnsweredResync() throws Exception {
        String token = token(World.FM);
        assertThat(page(World.FM, loadedRevision, 500).changes()).isEmpty();

        Answer ahead = get("/changes?since=" + (loadedRevision + 1) + "&limit=500", token);

        assertThat(ahead.status()).isEqualTo(409);
        var error = ahead.error();
        assertThat(error.error()).isEqualTo("resync");
        assertThat(error.field()).isEqualTo("since");
        assertThat(error.message()).contains("This workspace is ahead of the server").contains("full sync is needed")
                .contains(Long.toString(loadedRevision + 1)).contains(Long.toString(loadedRevision));
        assertThat(ahead.json().fieldNames()).toIterable().containsExactlyInAnyOrder("status", "error", "message", "field");
    }

    @Test
    void winnerFlagChangesReachEveryoneWhoSeesTheTenant() throws Exception {
        long since = pullAll(World.FM, 0, 500).get(0).next();
        var flag = pushOne(World.SLT, Mutation.upsert(EntityKind.TENANT, Contoso.WINNER_TENANT_ID.toString(), loadedRevision,
                Map.of("winner", BooleanNode.FALSE)));
        assertThat(flag.outcome()).as(flag.message()).isEqualTo(Outcome.APPLIED);
        assertThat(changes(pullAll(World.FM, since, 500))).singleElement()
                .satisfies(r -> assertThat(r.body().path("winner").asBoolean()).isFalse());
    }

    @Test
    void seekingEachCustomersRowsFindsTheSamePagesAsWalkingTheRevisions() throws Exception {
        // History that exercises both streams: a customer into and out of scope, a partner moved to
        // another tenant, an edit and a deletion.
        Assignment assignment = new Assignment(UUID.randomUUID(), Contoso.FABRIKAM_TPID, AssignmentArea.ONBOARDING,
                Role.FM, World.OTHER_FM.userId(), true, Set.of(), false);
        var added = pushOne(World.ASSIGNMENT_TEAM, Mutation.upsert(EntityKind.ASSIGNMENT, assignment.id().toString(), 0,
                EntityCodec.fields(assignment)));
        assertThat(added.outcome()).as(added.message()).isEqualTo(Outcome.APPLIED);
        assertThat(pushOne(World.ASSIGNMENT_TEAM, Mutation.upsert(EntityKind.ASSIGNMENT, World.PARTNER_ON_SECOND.id().toString(),
                loadedRevision, Map.of("tenantIds", MAPPER.valueToTree(List.of(Contoso.WINNER_TENANT_ID.toString())))))
                .outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(pushOne(World.FM, Mutation.upsert(EntityKind.CONTACT, Contoso.MICROSOFT_CONTACT_ID.toString(), 0,
                Map.of("title", TextNode.valueOf("GTP")))).outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(pushOne(World.FM, Mutation.delete(EntityKind.STATUS_NOTE, Contoso.note().id().toString(),
                revisionOf(World.FM, EntityKind.STATUS_NOTE, Contoso.note().id().toString()))).outcome())
                .isEqualTo(Outcome.APPLIED);
        assertThat(pushOne(World.ASSIGNMENT_TEAM, Mutation.delete(EntityKind.ASSIGNMENT, assignment.id().toString(),
                added.revision())).outcome()).isEqualTo(Outcome.APPLIED);

        Database db = server.database();
        for (var user : List.of(World.FM, World.FTA, World.PARTNER, World.OTHER_FM, World.US_LEAD, World.SLT)) {
            for (long since : List.of(0L, loadedRevision - 3, loadedRevision, added.revision())) {
                for (int limit : List.of(1, 2, 500)) {
                    List<ChangesPage> walked = pullDirect(db, user.userId(), since, limit, ChangesApi.Plan.WALK);
                    List<ChangesPage> sought = pullDirect(db, user.userId(), since, limit, ChangesApi.Plan.SEEK);
                    assertThat(sought).as(user.userId() + " since " + since + " limit " + limit)
                            .usingRecursiveComparison().isEqualTo(walked);
                }
            }
        }
    }

    private static List<ChangesPage> pullDirect(Database db, String userId, long since, int limit, ChangesApi.Plan plan)
            throws Exception {
        List<ChangesPage> pages = new java.util.ArrayList<>();
        long from = since;
        while (true) {
            long cursor = from;
            ChangesPage page = db.read(c -> ChangesApi.pull(c, "test", RowStore.currentRevision(c), userId, cursor, limit, plan));
            pages.add(page);
            from = page.next();
            if (!page.more()) {
                return pages;
            }
        }
    }
}
