package ftop.core.store;

import static ftop.core.store.StoreTestData.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ftop.core.customer.Customer;
import ftop.core.validation.Contoso;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.tools.ChangeFileEncryption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workspace encrypted at rest on a real H2 file: no customer name in the folder's bytes, the
 * right key opens it, a wrong key or none changes nothing, and a plain workspace of an earlier
 * version is encrypted on its first opening with every pending edit and draft kept.
 */
class EncryptedStoreTest {

    private static final String RENAMED = "Quokka Pending Rename Holdings";
    private static final Instant AT = Instant.parse("2021-05-03T14:32:00Z");

    @TempDir
    Path dir;

    private final MemoryWorkspaceKeys keys = new MemoryWorkspaceKeys();

    @Test
    void aNewWorkspaceIsEncryptedAndOpensAgainWithItsKey() throws IOException {
        try (LocalStore store = LocalStore.open(dir, CLOCK, keys)) {
            assertThat(store.encrypted()).isTrue();
            store.bulkLoad(StoreTestData.contoso(), 1);
            store.save(StoreTestData.renamed(Contoso.CUSTOMER, RENAMED));
        }
        assertThat(StoreEncryption.encrypted(dir)).isTrue();
        assertNoPlainText(dir, RENAMED, Contoso.CUSTOMER.name(), Contoso.FABRIKAM.name());

        try (LocalStore store = LocalStore.open(dir, CLOCK, keys)) {
            assertThat(store.customers().get(Long.toString(Contoso.TPID))).map(Customer::name).contains(RENAMED);
            assertThat(store.pendingCount()).isEqualTo(1);
        }
    }

    @Test
    void aWrongKeyOrNoKeyIsRefusedWithAClearMessageAndChangesNothing() throws IOException {
        try (LocalStore store = LocalStore.open(dir, CLOCK, keys)) {
            store.bulkLoad(StoreTestData.contoso(), 1);
        }
        byte[] before = Files.readAllBytes(dir.resolve(StoreEncryption.FILE));

        assertThatThrownBy(() -> LocalStore.open(dir, CLOCK, new MemoryWorkspaceKeys()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot be unlocked with the key kept for it");
        assertThatThrownBy(() -> LocalStore.open(dir, CLOCK))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("is encrypted");

        assertThat(Files.readAllBytes(dir.resolve(StoreEncryption.FILE))).isEqualTo(before);
        try (LocalStore store = LocalStore.open(dir, CLOCK, keys)) {
            assertThat(store.customers().count()).isEqualTo(2);
        }
    }

    @Test
    void aPlainWorkspaceIsEncryptedOnItsFirstOpeningWithEveryPendingEditAndDraft() throws IOException {
        Draft draft = new Draft("health.perspective", Long.toString(Contoso.TPID), Contoso.TPID,
                Map.of("mindset", "AVERSE"), Map.of("mindset", "ALIGNED"), AT);
        try (LocalStore plain = LocalStore.open(dir, CLOCK)) {
            plain.bulkLoad(StoreTestData.contoso(), 1);
            plain.save(StoreTestData.renamed(Contoso.CUSTOMER, RENAMED));
            plain.save(StoreTestData.withArea(Contoso.FABRIKAM, "Quokka Area"));
            plain.drafts().put(draft);
            plain.putSetting("sync.server", "https://ftop.example.com");
        }
        assertThat(StoreEncryption.encrypted(dir)).isFalse();
        assertThat(contains(dir.resolve(StoreEncryption.FILE), RENAMED)).as("the plain file shows the name").isTrue();

        try (LocalStore store = LocalStore.open(dir, CLOCK, keys)) {
            assertThat(store.encrypted()).isTrue();
            assertThat(store.pendingEdits()).extracting(e -> e.mutation().id())
                    .hasSize(2);
            assertThat(store.customers().get(Long.toString(Contoso.TPID))).map(Customer::name).contains(RENAMED);
            assertThat(store.drafts().all()).containsExactly(draft);
            assertThat(store.setting("sync.server")).contains("https://ftop.example.com");
            assertThat(store.cursor()).isEqualTo(1);
        }
        assertThat(StoreEncryption.encrypted(dir)).isTrue();
        assertThat(dir.resolve(StoreEncryption.WORK_FOLDER)).doesNotExist();
        assertNoPlainText(dir, RENAMED, "Quokka Area", Contoso.CUSTOMER.name(), Contoso.FABRIKAM.name());
    }

    @Test
    void anEncryptionCutOffBeforeItsSwapIsStartedAgain() throws Exception {
        try (LocalStore plain = LocalStore.open(dir, CLOCK)) {
            plain.bulkLoad(StoreTestData.contoso(), 1);
            plain.save(StoreTestData.renamed(Contoso.CUSTOMER, RENAMED));
        }
        // What a crash mid-way leaves: a half-written copy beside the plain file.
        Path work = Files.createDirectories(dir.resolve(StoreEncryption.WORK_FOLDER));
        Files.write(work.resolve(StoreEncryption.FILE), "H2encrypt\nhalf a file".getBytes(StandardCharsets.US_ASCII));

        try (LocalStore store = LocalStore.open(dir, CLOCK, keys)) {
            assertThat(store.pendingCount()).isEqualTo(1);
            assertThat(store.customers().get(Long.toString(Contoso.TPID))).map(Customer::name).contains(RENAMED);
        }
        assertThat(work).doesNotExist();
        assertNoPlainText(dir, RENAMED);
    }

    @Test
    void aSecretIsSealedInTheDatabaseAndAPlainOneFromAnEarlierVersionIsSealedOnItsFirstRead() {
        String token = "tok-0123456789abcdef-session";
        try (LocalStore plain = LocalStore.open(dir, CLOCK)) {
            plain.putSetting("sync.token", token);
        }
        try (LocalStore store = LocalStore.open(dir, CLOCK, keys)) {
            assertThat(store.secret("sync.token")).contains(token);
            assertThat(store.setting("sync.token")).get().asString()
                    .startsWith(Secrets.PREFIX).doesNotContain(token);

            store.putSecret("sync.refreshToken", "refresh-9876543210");
            assertThat(store.setting("sync.refreshToken")).get().asString().doesNotContain("refresh-9876543210");
            assertThat(store.secret("sync.refreshToken")).contains("refresh-9876543210");

            // A sealed value moved under another name does not open there.
            store.putSetting("sync.other", store.setting("sync.token").orElseThrow());
            assertThat(store.secret("sync.other")).isEmpty();
        }
        try (LocalStore store = LocalStore.open(dir, CLOCK, keys)) {
            assertThat(store.secret("sync.token")).contains(token);
        }
    }

    @Test
    void aWorkspaceWrittenByH2sOwnCipherOpensWithItsPendingEditsAndH2ReadsWhatWeWrite() throws Exception {
        // A workspace of an earlier version: encrypted and then written by H2's own CIPHER=AES.
        try (LocalStore plain = LocalStore.open(dir, CLOCK)) {
            plain.bulkLoad(StoreTestData.contoso(), 1);
            plain.save(StoreTestData.renamed(Contoso.CUSTOMER, RENAMED));
        }
        WorkspaceKey key = keys.key(dir);
        ChangeFileEncryption.execute(dir.toString(), StoreEncryption.DATABASE, "AES", null, key.filePassword(), true);
        try (Connection h2 = openWithH2Cipher(key)) {
            putSetting(h2, "written.by.h2", "yes");
        }

        try (LocalStore store = LocalStore.open(dir, CLOCK, keys)) {
            assertThat(store.pendingCount()).isEqualTo(1);
            assertThat(store.customers().get(Long.toString(Contoso.TPID))).map(Customer::name).contains(RENAMED);
            assertThat(store.setting("written.by.h2")).contains("yes");
            store.save(StoreTestData.withArea(Contoso.FABRIKAM, "Quokka Area"));
            store.putSetting("written.by.ftop", "yes");
        }

        // and back: the previous version (H2's own cipher) reads every page this one wrote
        try (Connection h2 = openWithH2Cipher(key);
             PreparedStatement st = h2.prepareStatement("SELECT text_value FROM setting WHERE name = ?")) {
            st.setString(1, "written.by.ftop");
            try (ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("yes");
            }
        }
        try (LocalStore store = LocalStore.open(dir, CLOCK, keys)) {
            assertThat(store.pendingCount()).isEqualTo(2);
        }
        assertNoPlainText(dir, RENAMED, "Quokka Area", Contoso.CUSTOMER.name());
    }

    /** A connection as the previous version opened the workspace: H2's CIPHER=AES with the key as file password. */
    private Connection openWithH2Cipher(WorkspaceKey key) throws SQLException {
        char[] password = (new String(key.filePassword()) + " ").toCharArray();
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:" + dir.resolve(StoreEncryption.DATABASE) + ";CIPHER=AES");
        dataSource.setUser("sa");
        dataSource.setPasswordChars(password);
        return dataSource.getConnection();
    }

    private static void putSetting(Connection c, String name, String value) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("MERGE INTO setting (name, text_value) KEY (name) VALUES (?, ?)")) {
            st.setString(1, name);
            st.setString(2, value);
            st.executeUpdate();
        }
    }

    static void assertNoPlainText(Path folder, String... texts) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                for (String text : texts) {
                    assertThat(contains(file, text)).as("%s holds \"%s\" in plain text", file.getFileName(), text).isFalse();
                }
            }
        }
    }

    private static boolean contains(Path file, String text) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        for (byte[] needle : List.of(text.getBytes(StandardCharsets.UTF_8), text.getBytes(StandardCharsets.UTF_16BE),
                text.getBytes(StandardCharsets.UTF_16LE))) {
            if (indexOf(bytes, needle) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Where {@code needle} first occurs in {@code haystack}, or -1. */
    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
