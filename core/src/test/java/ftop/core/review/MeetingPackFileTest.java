package ftop.core.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeetingPackFileTest {

    @TempDir
    Path dir;

    @Test
    void anEditedPackComesBackAsItWasSaved() throws IOException {
        MeetingPack pack = ReviewWorld.americasPack();
        MeetingPack edited = pack.withBrief(pack.briefs().get(1).with(BriefSection.RENEWALS, "Renewal talks in July."));
        Path file = dir.resolve("packs").resolve("americas.json");

        MeetingPackFile.save(edited, file);
        MeetingPack loaded = MeetingPackFile.load(file);

        assertThat(loaded).isEqualTo(edited);
        assertThat(loaded.briefs().get(1).renewals()).isEqualTo("Renewal talks in July.");
        assertThat(Files.readString(file)).contains("\"format\" : \"ftop-meeting-pack\"", "\"version\" : 1");
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void savingAgainReplacesTheFile() throws IOException {
        Path file = dir.resolve("pack.json");
        MeetingPack pack = ReviewWorld.americasPack();
        MeetingPackFile.save(pack, file);
        MeetingPack changed = pack.withBrief(pack.briefs().get(0).with(BriefSection.ASKS, "Nothing this time."));

        MeetingPackFile.save(changed, file);

        assertThat(MeetingPackFile.load(file).briefs().get(0).asks()).isEqualTo("Nothing this time.");
    }

    @Test
    void filesThatAreNotPacksAreRefusedWithAClearMessage() throws IOException {
        Path missing = dir.resolve("missing.json");
        Path notJson = Files.writeString(dir.resolve("notes.txt"), "meeting on Friday");
        Path other = Files.writeString(dir.resolve("other.json"), "{\"name\": \"rules\"}");
        Path newer = Files.writeString(dir.resolve("newer.json"), "{\"format\": \"ftop-meeting-pack\", \"version\": 7}");
        Path damaged = Files.writeString(dir.resolve("damaged.json"),
                "{\"format\": \"ftop-meeting-pack\", \"version\": 1, \"pack\": {\"title\": \"x\"}}");

        assertThatThrownBy(() -> MeetingPackFile.load(missing)).hasMessageEndingWith("does not exist.");
        assertThatThrownBy(() -> MeetingPackFile.load(notJson)).hasMessageEndingWith("is not a saved meeting pack (it is not JSON).");
        assertThatThrownBy(() -> MeetingPackFile.load(other)).hasMessageEndingWith("is not a saved meeting pack.");
        assertThatThrownBy(() -> MeetingPackFile.load(newer)).hasMessageContaining("saved by a newer version of FTOP");
        assertThatThrownBy(() -> MeetingPackFile.load(damaged)).hasMessageContaining("holds a damaged meeting pack");
    }
}
