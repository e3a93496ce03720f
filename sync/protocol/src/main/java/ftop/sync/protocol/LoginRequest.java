package ftop.sync.protocol;

/**
 * Body of {@code POST /api/v1/session}: a user name and password in exchange for a bearer token.
 *
 * @param userName the sign-in name (user id), e.g. {@code megan.bowen}
 * @param password the password in clear; only ever sent over the connection, never stored
 */
public record LoginRequest(String userName, String password) {

    /** Keeps the password out of logs and error messages. */
    @Override
    public String toString() {
        return "LoginRequest[userName=" + userName + ", password=***]";
    }
}
