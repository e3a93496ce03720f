package ftop.app.workspace;

import java.util.Optional;
import java.util.UUID;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operating system's credential store through java-keyring: Windows Credential Manager, the
 * macOS Keychain, or the Secret Service (GNOME Keyring, KWallet) on Linux. Whether it works is
 * found out once, by keeping a throwaway secret and reading it back: a Linux session without a
 * Secret Service (a server, a container) has a library but no store.
 */
public final class SystemCredentialStore implements CredentialStore {

    private static final Logger LOG = LoggerFactory.getLogger(SystemCredentialStore.class);
    /** The service name the entries are kept under. */
    static final String SERVICE = "FTOP Desktop";

    private volatile Boolean available;

    @Override
    public boolean available() {
        Boolean known = available;
        if (known == null) {
            known = probe();
            available = known;
        }
        return known;
    }

    private static boolean probe() {
        String account = "availability check";
        String secret = UUID.randomUUID().toString();
        try (Keyring keyring = Keyring.create()) {
            keyring.setPassword(SERVICE, account, secret);
            boolean works = secret.equals(keyring.getPassword(SERVICE, account));
            keyring.deletePassword(SERVICE, account);
            LOG.info("The system's credential store ({}) {}", keyring.getKeyringStorageType(),
                    works ? "keeps the workspace keys" : "does not give back what it keeps");
            return works;
        } catch (BackendNotSupportedException e) {
            LOG.info("No credential store on this system ({})", e.getMessage());
            return false;
        } catch (Exception | LinkageError e) {
            LOG.info("The system's credential store cannot be used ({})", e.toString());
            return false;
        }
    }

    @Override
    public Optional<String> get(String account) {
        try (Keyring keyring = Keyring.create()) {
            try {
                return Optional.ofNullable(keyring.getPassword(SERVICE, account));
            } catch (PasswordAccessException e) {
                // java-keyring reports a missing entry this way on every platform.
                return Optional.empty();
            }
        } catch (Exception e) {
            throw new CredentialStoreException("The system's credential store cannot be reached (" + e.getMessage() + ").", e);
        }
    }

    @Override
    public void put(String account, String secret) {
        try (Keyring keyring = Keyring.create()) {
            keyring.setPassword(SERVICE, account, secret);
        } catch (Exception e) {
            throw new CredentialStoreException("The system's credential store refused to keep a key (" + e.getMessage() + ").", e);
        }
    }

    @Override
    public void remove(String account) {
        try (Keyring keyring = Keyring.create()) {
            keyring.deletePassword(SERVICE, account);
        } catch (PasswordAccessException e) {
            LOG.debug("No entry {} to remove from the credential store", account);
        } catch (Exception e) {
            throw new CredentialStoreException("The system's credential store cannot be reached (" + e.getMessage() + ").", e);
        }
    }
}
