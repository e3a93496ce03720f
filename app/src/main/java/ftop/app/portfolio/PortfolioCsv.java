package ftop.app.portfolio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import ftop.core.Labelled;
import ftop.core.csv.CsvWriter;
import ftop.core.health.HealthColour;

/**
 * The Portfolio's rows as CSV, written by {@link CsvWriter} (RFC 4180, CRLF line ends, every cell
 * guarded against spreadsheet formulas), with the columns the tables show and the text they show, so
 * a spreadsheet reads the same as the screen.
 */
public final class PortfolioCsv {

    static final String CUSTOMER_HEADER = "TPID,Customer,Segment,Overall health,Group 1,Group 2,Group 3,Customer Status,"
            + "Next review,Review overdue,CXP watchlist,Region,Vertical,Health owner,Tenants,Winner tenant,COVID-19 RFA";
    static final String TENANT_HEADER = "Tenant ID,Tenant name,TPID,Customer,Winner tenant,COVID-19 RFA,"
            + "COVID-19 RFA approved on,Is Enterprise,Users,FM,Origin";

    private PortfolioCsv() {
    }

    /** The customer rows under a header line. */
    public static String customers(List<PortfolioRow> rows) {
        StringBuilder out = new StringBuilder(CUSTOMER_HEADER).append("\r\n");
        CsvWriter csv = new CsvWriter(out);
        for (PortfolioRow r : rows) {
            line(csv, Long.toString(r.tpid()), r.name(), r.customer().segment().label(), colour(r.overall()),
                    colour(r.group1()), colour(r.group2()), colour(r.group3()),
                    r.status().map(Labelled::label).orElse(""),
                    r.review().dueOn().map(Object::toString).orElse(""), yesNo(r.review().overdue()),
                    r.watchlist().map(Labelled::label).orElse(""), r.region().label(), r.vertical().label(),
                    r.healthOwner(), Integer.toString(r.tenantCount()), yesNo(r.winnerTenants() > 0), yesNo(r.covidRfa()));
        }
        return out.toString();
    }

    /** The tenant rows under a header line. */
    public static String tenants(List<TenantRow> rows) {
        StringBuilder out = new StringBuilder(TENANT_HEADER).append("\r\n");
        CsvWriter csv = new CsvWriter(out);
        for (TenantRow r : rows) {
            line(csv, r.tenantId().toString(), r.name(), Long.toString(r.tpid()), r.customer().name(),
                    yesNo(r.winner()), yesNo(r.covidRfa()),
                    r.tenant().covidRfaApprovedOn().map(Object::toString).orElse(""),
                    r.tenant().enterpriseLevel().map(Labelled::label).orElse("No"),
                    Long.toString(r.tenant().userCount()), r.fm(), r.tenant().origin().label());
        }
        return out.toString();
    }

    private static String colour(Optional<HealthColour> colour) {
        return colour.map(HealthColour::label).orElse("No data");
    }

    private static String yesNo(boolean value) {
        return value ? "Yes" : "No";
    }

    private static void line(CsvWriter csv, String... fields) {
        try {
            csv.row(fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
    }
}
