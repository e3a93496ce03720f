package ftop.app.portfolio;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ftop.app.workspace.Workspace;
import ftop.core.Json;
import ftop.core.tenant.Tenant;

/**
 * The Portfolio's rows as they were last built, kept in the workspace (its view snapshots) so that
 * the next start shows a populated Portfolio after reading one value instead of every customer,
 * tenant, health form, usage row and assignment. The rows read afterwards replace them. A snapshot
 * that cannot be read (another format, another user's "mine") is ignored: the Portfolio then shows
 * once its rows are read, as without one.
 */
public final class PortfolioSnapshot {

    /** The snapshot's name in the workspace. */
    public static final String NAME = "portfolio";
    /** Raised whenever the rows' fields change, so that an older snapshot is ignored rather than misread. */
    static final int FORMAT = 1;

    private static final Logger LOG = LoggerFactory.getLogger(PortfolioSnapshot.class);
    private static final ObjectReader READER = Json.mapper().readerFor(Body.class)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** What is kept: tenants refer to their customer's row by TPID rather than repeating it. */
    record Body(int format, String userId, List<PortfolioRow> customers, List<TenantEntry> tenants) {
    }

    /** One tenant row without its customer's row. */
    record TenantEntry(Tenant tenant, String fm, boolean mine, String searchKey) {
    }

    private PortfolioSnapshot() {
    }

    /**
     * Gets the reading of kept rows ready (its JSON deserializers are made with the reader, when
     * this class loads), so that the first {@link #read} does not wait for it; from any thread,
     * e.g. while the workspace opens.
     */
    public static void prepare() {
        Objects.requireNonNull(READER);
    }

    /** The text kept for {@code portfolio}, built for the user {@code userId}. */
    static String encode(PortfolioRows.Portfolio portfolio, String userId) {
        List<TenantEntry> tenants = new ArrayList<>(portfolio.tenants().size());
        for (TenantRow row : portfolio.tenants()) {
            tenants.add(new TenantEntry(row.tenant(), row.fm(), row.mine(), row.searchKey()));
        }
        try {
            return Json.mapper().writeValueAsString(new Body(FORMAT, userId, portfolio.customers(), tenants));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The Portfolio could not be written as JSON", e);
        }
    }

    /** The rows kept in {@code text}, when it is of this version's format and was built for {@code userId}. */
    static Optional<PortfolioRows.Portfolio> decode(String text, String userId) {
        Body body;
        try {
            body = READER.readValue(text);
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.info("The Portfolio snapshot is not readable, so the Portfolio shows once its rows are read: {}",
                    e.getMessage());
            return Optional.empty();
        }
        if (body.format() != FORMAT || !Objects.equals(body.userId(), userId) || body.customers() == null
                || body.tenants() == null) {
            return Optional.empty();
        }
        Map<Long, PortfolioRow> byTpid = new HashMap<>(body.customers().size() * 2);
        for (PortfolioRow row : body.customers()) {
            byTpid.put(row.tpid(), row);
        }
        List<TenantRow> tenants = new ArrayList<>(body.tenants().size());
        for (TenantEntry entry : body.tenants()) {
            PortfolioRow customer = byTpid.get(entry.tenant().tpid());
            if (customer == null) {
                return Optional.empty();
            }
            tenants.add(new TenantRow(entry.tenant(), customer, entry.fm(), entry.mine(), entry.searchKey()));
        }
        return Optional.of(new PortfolioRows.Portfolio(List.copyOf(body.customers()), List.copyOf(tenants)));
    }

    /**
     * The rows the workspace kept for its user; empty when it kept none or none this version can
     * show. Reads the workspace: call it off the FX thread.
     */
    public static Optional<PortfolioRows.Portfolio> read(Workspace workspace) {
        return workspace.reads().viewSnapshot(NAME).flatMap(text -> decode(text, workspace.userId()));
    }

    /** Keeps {@code portfolio}, built for {@code userId}, in the workspace. Off the FX thread. */
    public static void write(Workspace workspace, PortfolioRows.Portfolio portfolio, String userId) {
        workspace.writes().putViewSnapshot(NAME, encode(portfolio, userId));
    }
}
