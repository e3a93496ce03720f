/**
 * The central server: it owns the truth that desktop clients sync with.
 *
 * <p>{@link ftop.sync.server.FtopServer} serves the JSON API of {@code ftop.sync.protocol} over
 * HTTP (Javalin); {@link ftop.sync.server.Database} keeps the data in H2 or PostgreSQL through the
 * same JDBC code and Flyway migrations ({@code db/server}); {@link ftop.sync.server.ServerMain} is
 * the command line of the runnable jar. Every change takes the next revision and leaves field
 * history; who sees and changes what is decided by {@link ftop.core.permission.Permissions} and
 * recorded per user in a scope table, so a pull can send customers that came into scope whole
 * and list those that left it.
 */
package ftop.sync.server;
