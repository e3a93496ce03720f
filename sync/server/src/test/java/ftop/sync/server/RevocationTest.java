package ftop.sync.server;

import static org.assertj.core.api.Assertions.assertThat;

import ftop.core.change.EntityCodec;
import ftop.core.change.EntityKind;
import ftop.core.change.Mutation;
import ftop.sync.protocol.LoginRequest;
import ftop.sync.protocol.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** A deleted or disabled user's tokens stop working at once, and never come back. */
@ParameterizedClass
@EnumSource(ServerTestBase.Backend.class)
class RevocationTest extends ServerTestBase {

    @Test
    void aDeletedUsersTokenDoesNotWorkAgainWhenAUserWithTheSameIdIsCreated() throws Exception {
        String stolen = login(World.OTHER_FM).token();
        assertThat(get("/rules", stolen).status()).isEqualTo(200);

        long revision = revisionOf(World.ADMIN, EntityKind.USER, World.OTHER_FM.userId());
        assertThat(pushOne(World.ADMIN, Mutation.delete(EntityKind.USER, World.OTHER_FM.userId(), revision)).outcome())
                .isEqualTo(Outcome.APPLIED);
        Answer afterDelete = get("/rules", stolen);
        assertThat(afterDelete.status()).isEqualTo(401);

        var recreated = pushOne(World.ADMIN, Mutation.upsert(EntityKind.USER, World.OTHER_FM.userId(), 0,
                EntityCodec.fields(World.OTHER_FM)));
        assertThat(recreated.outcome()).as(recreated.message()).isEqualTo(Outcome.APPLIED);
        assertThat(get("/rules", stolen).status()).as("the old token stays dead").isEqualTo(401);
        assertThat(post("/session", null, json(new LoginRequest(World.OTHER_FM.userId(), World.PASSWORD))).status())
                .as("nor does the new person inherit the old password").isEqualTo(401);
    }

    @Test
    void aDisabledUserIsSignedOutEverywhereAndCannotSignInUntilEnabled() throws Exception {
        String first = login(World.FM).token();
        String second = login(World.FM).token();
        String path = "/admin/users/" + World.FM.userId();

        Answer notAdmin = post(path + "/disable", token(World.US_LEAD), "");
        assertThat(notAdmin.status()).isEqualTo(403);
        assertThat(get("/rules", first).status()).isEqualTo(200);

        assertThat(post(path + "/disable", token(World.ADMIN), "").status()).isEqualTo(204);
        assertThat(get("/rules", first).status()).isEqualTo(401);
        assertThat(get("/rules", second).status()).isEqualTo(401);
        Answer refused = post("/session", null, json(new LoginRequest(World.FM.userId(), World.PASSWORD)));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.error().message()).contains("disabled");

        assertThat(post(path + "/enable", token(World.ADMIN), "").status()).isEqualTo(204);
        assertThat(get("/rules", first).status()).as("old tokens stay revoked").isEqualTo(401);
        assertThat(get("/rules", login(World.FM).token()).status()).isEqualTo(200);
    }

    @Test
    void disablingAnUnknownUserIs404() throws Exception {
        Answer answer = post("/admin/users/nobody/disable", token(World.ADMIN), "");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.error().error()).isEqualTo("not_found");
    }
}
