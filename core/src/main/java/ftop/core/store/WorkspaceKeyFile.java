package ftop.core.store;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The workspace folder's note of where its key is kept ({@code ftop.key}): {@code source=keyring}
 * with the name of the credential-store entry, or {@code source=passphrase} with the salt and
 * rounds of the derivation and a check value. It holds no secret: the salt and check only let a
 * typed passphrase be recognised as right or wrong before the file is touched. Written beside and
 * moved into place, so it is whole or absent.
 *
 * @param source     {@link #KEYRING} or {@link #PASSPHRASE}
 * @param attributes the rest, by name
 */
public record WorkspaceKeyFile(String source, Map<String, String> attributes) {

    /** The file's name in the workspace folder. */
    public static final String NAME = "ftop.key";
    public static final String KEYRING = "keyring";
    public static final String PASSPHRASE = "passphrase";

    public WorkspaceKeyFile {
        Objects.requireNonNull(source, "source");
        attributes = Map.copyOf(attributes);
    }

    /** The attribute {@code name}, or a {@link StoreException} naming the damaged file. */
    public String require(Path workspace, String name) {
        String value = attributes.get(name);
        if (value == null || value.isBlank()) {
            throw new StoreException("The key note " + workspace.resolve(NAME) + " is damaged (no " + name
                    + "), so the workspace cannot be unlocked.");
        }
        return value;
    }

    /** The note of {@code workspace}; empty when it has none (a new or a plain workspace). */
    public static Optional<WorkspaceKeyFile> read(Path workspace) {
        Path file = workspace.resolve(NAME);
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            throw new StoreException("The key note " + file + " cannot be read (" + e.getMessage() + ").", e);
        }
        Map<String, String> attributes = new TreeMap<>();
        properties.stringPropertyNames().forEach(name -> attributes.put(name, properties.getProperty(name)));
        String source = attributes.remove("source");
        if (source == null) {
            throw new StoreException("The key note " + file + " is damaged (no source), so the workspace cannot be unlocked.");
        }
        return Optional.of(new WorkspaceKeyFile(source, attributes));
    }

    /** Writes the note into {@code workspace}, replacing any earlier one in one step. */
    public void write(Path workspace) {
        Path file = workspace.resolve(NAME);
        Path temp = workspace.resolve(NAME + ".new");
        Properties properties = new Properties();
        properties.setProperty("source", source);
        attributes.forEach(properties::setProperty);
        try {
            Files.createDirectories(workspace);
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                properties.store(out, "Where the key of this FTOP workspace is kept (no secret here)");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StoreException("Cannot write the key note " + file + " (" + e.getMessage() + ").", e);
        }
    }
}
