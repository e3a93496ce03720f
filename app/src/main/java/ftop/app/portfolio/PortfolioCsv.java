package ftop.app.portfolio;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ftop.core.Labelled;
import ftop.core.health.HealthColour;

/**
 * The Portfolio's rows as CSV (RFC 4180: comma separated, fields with commas, quotes or line
 * breaks quoted, CRLF line ends), with the columns the tables show and the text they show, so a
 * spreadsheet reads the same as the screen.
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
        for (PortfolioRow r : rows) {
            line(out, Long.toString(r.tpid()), r.name(), r.customer().segment().label(), colour(r.overall()),
                    colour(r.group1()), colour(r.group2()), colour(r.group3()),
                    r.status().map(Labelled::label).orElse(""),
                    r.review().dueOn().map(Object::toString).orElse(""), yesNo(r.review().overdue()),
                    r.watchlist().map(Labelled::label).orElse(""), r.region().label(), r.vertical().label(),
                    r.healthOwner(), Integer.toString(r.tenantCount()), yesNo(r.winner()), yesNo(r.covidRfa()));
        }
        return out.toString();
    }

    /** The tenant rows under a header line. */
    public static String tenants(List<TenantRow> rows) {
        StringBuilder out = new StringBuilder(TENANT_HEADER).append("\r\n");
        for (TenantRow r : rows) {
            line(out, r.tenantId().toString(), r.name(), Long.toString(r.tpid()), r.customer().name(),
                    yesNo(r.winner()), yesNo(r.covidRfa()),
                    r.tenant().covidRfaApprovedOn().map(Object::toString).orElse(""),
                    r.tenant().enterpriseLevel().map(Labelled::label).orElse("No"),
                    Long.toString(r.tenant().userCount()), r.fm(), r.tenant().origin().label());
        }
        return out.toString();
    }

    private static String colour(java.util.Optional<HealthColour> colour) {
        return colour.map(HealthColour::label).orElse("No data");
    }

    private static String yesNo(boolean value) {
        return value ? "Yes" : "No";
    }

    private static void line(StringBuilder out, String... fields) {
        out.append(Stream.of(fields).map(PortfolioCsv::field).collect(Collectors.joining(","))).append("\r\n");
    }

    /** Quotes a field when it must be, doubling its quotes; a leading = + - @ is defused for spreadsheets. */
    static String field(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+")) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
