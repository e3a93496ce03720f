/**
 * The wire protocol between the desktop sync client and the central server: records serialised
 * as camelCase JSON with {@link ftop.sync.protocol.ProtocolJson}. Both sides compile against
 * these types, so a change here is a change of the API.
 */
package ftop.sync.protocol;
