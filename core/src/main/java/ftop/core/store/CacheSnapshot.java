package ftop.core.store;

import ftop.core.change.CacheChecksum;

/**
 * A checksum over the workspace's server copies ({@link LocalStore#cacheSnapshot}): what the
 * server confirmed, without the local edits waiting on top.
 *
 * @param cursor   the pull cursor the copies are complete up to: the revision to ask the server's checksum at
 * @param checksum the copies' checksum, by customer
 */
public record CacheSnapshot(long cursor, CacheChecksum checksum) {
}
