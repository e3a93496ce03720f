package ftop.app.portfolio;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import ftop.core.customer.Region;
import ftop.core.customer.Segment;
import ftop.core.health.CustomerStatus;
import ftop.core.health.HealthColour;

/**
 * What a manager narrowed the Portfolio to: a search text and filters. Immutable; every change is
 * a new filter, which the view model turns into one predicate per section.
 *
 * <p>The predicates compare precomputed lower-case keys and flags only, so applying one to 6,000
 * tenants takes well under a frame.
 *
 * @param text     matched against customer name, TPID, tenant name and tenant ID; blank matches all
 * @param region   only customers of this region
 * @param health   only these overall colours; empty for any
 * @param statuses only these Customer Statuses; empty for any
 * @param segment  only this segment
 * @param overdue  only customers whose review is overdue
 * @param covidRfa only customers (tenants) with an approved COVID-19 RFA
 * @param watchlist only customers on the CXP watchlist (critical included)
 * @param mine     only what the signed-in user is assigned to
 * @param unsynced only customers with edits the server has not taken yet (pending or in conflict)
 */
public record PortfolioFilter(String text, Optional<Region> region, Set<HealthColour> health,
        Set<CustomerStatus> statuses, Optional<Segment> segment, boolean overdue, boolean covidRfa,
        boolean watchlist, boolean mine, boolean unsynced) {

    /** Everything shown. */
    public static final PortfolioFilter NONE = new PortfolioFilter("", Optional.empty(), Set.of(), Set.of(),
            Optional.empty(), false, false, false, false, false);

    public PortfolioFilter {
        text = text == null ? "" : text;
        region = region == null ? Optional.empty() : region;
        health = health == null || health.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(health));
        statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
        segment = segment == null ? Optional.empty() : segment;
    }

    /** The ready-made views a manager uses before a review. */
    public enum Preset {
        OVERDUE_REVIEWS("Overdue reviews", NONE.withOverdue(true)),
        RED_AND_YELLOW("Red and Yellow", NONE.withHealth(Set.of(HealthColour.RED, HealthColour.YELLOW))),
        BLOCKED("Blocked", NONE.withStatuses(Set.of(CustomerStatus.BLOCKED_BUSINESS, CustomerStatus.BLOCKED_TECHNICAL)));

        private final String label;
        private final PortfolioFilter filter;

        Preset(String label, PortfolioFilter filter) {
            this.label = label;
            this.filter = filter;
        }

        public String label() {
            return label;
        }

        public PortfolioFilter filter() {
            return filter;
        }
    }

    public boolean isEmpty() {
        return equals(NONE.withText(text)) && text.isBlank();
    }

    public PortfolioFilter withText(String value) {
        return new PortfolioFilter(value, region, health, statuses, segment, overdue, covidRfa, watchlist, mine, unsynced);
    }

    public PortfolioFilter withRegion(Optional<Region> value) {
        return new PortfolioFilter(text, value, health, statuses, segment, overdue, covidRfa, watchlist, mine, unsynced);
    }

    public PortfolioFilter withHealth(Set<HealthColour> value) {
        return new PortfolioFilter(text, region, value, statuses, segment, overdue, covidRfa, watchlist, mine, unsynced);
    }

    public PortfolioFilter withStatuses(Set<CustomerStatus> value) {
        return new PortfolioFilter(text, region, health, value, segment, overdue, covidRfa, watchlist, mine, unsynced);
    }

    public PortfolioFilter withSegment(Optional<Segment> value) {
        return new PortfolioFilter(text, region, health, statuses, value, overdue, covidRfa, watchlist, mine, unsynced);
    }

    public PortfolioFilter withOverdue(boolean value) {
        return new PortfolioFilter(text, region, health, statuses, segment, value, covidRfa, watchlist, mine, unsynced);
    }

    public PortfolioFilter withCovidRfa(boolean value) {
        return new PortfolioFilter(text, region, health, statuses, segment, overdue, value, watchlist, mine, unsynced);
    }

    public PortfolioFilter withWatchlist(boolean value) {
        return new PortfolioFilter(text, region, health, statuses, segment, overdue, covidRfa, value, mine, unsynced);
    }

    public PortfolioFilter withMine(boolean value) {
        return new PortfolioFilter(text, region, health, statuses, segment, overdue, covidRfa, watchlist, value, unsynced);
    }

    public PortfolioFilter withUnsynced(boolean value) {
        return new PortfolioFilter(text, region, health, statuses, segment, overdue, covidRfa, watchlist, mine, value);
    }

    /** The customers this filter shows. */
    public Predicate<PortfolioRow> customers() {
        String needle = needle();
        return row -> customerFacts(row) && (needle.isEmpty() || row.searchKey().contains(needle))
                && (!covidRfa || row.covidRfa()) && (!mine || row.mine());
    }

    /** The tenants this filter shows: the tenant's own flags, its customer's health and review. */
    public Predicate<TenantRow> tenants() {
        String needle = needle();
        return row -> customerFacts(row.customer()) && (needle.isEmpty() || row.searchKey().contains(needle))
                && (!covidRfa || row.covidRfa()) && (!mine || row.mine());
    }

    private String needle() {
        return text.strip().toLowerCase(Locale.ROOT);
    }

    private boolean customerFacts(PortfolioRow row) {
        return (region.isEmpty() || region.get() == row.region())
                && (segment.isEmpty() || segment.get() == row.customer().segment())
                && (health.isEmpty() || row.overall().map(health::contains).orElse(false))
                && (statuses.isEmpty() || row.status().map(statuses::contains).orElse(false))
                && (!overdue || row.review().overdue())
                && (!watchlist || row.onWatchlist())
                && (!unsynced || row.unsynced().any());
    }

    /** The filter as one line of text, for the workspace settings. */
    public String encode() {
        List<String> parts = new ArrayList<>();
        parts.add("text=" + URLEncoder.encode(text, StandardCharsets.UTF_8));
        region.ifPresent(r -> parts.add("region=" + r.name()));
        segment.ifPresent(s -> parts.add("segment=" + s.name()));
        if (!health.isEmpty()) {
            parts.add("health=" + String.join(",", EnumSet.copyOf(health).stream().map(Enum::name).toList()));
        }
        if (!statuses.isEmpty()) {
            parts.add("status=" + String.join(",", EnumSet.copyOf(statuses).stream().map(Enum::name).toList()));
        }
        if (overdue) {
            parts.add("overdue");
        }
        if (covidRfa) {
            parts.add("covid");
        }
        if (watchlist) {
            parts.add("watchlist");
        }
        if (mine) {
            parts.add("mine");
        }
        if (unsynced) {
            parts.add("unsynced");
        }
        return String.join("&", parts);
    }

    /**
     * Reads what {@link #encode()} wrote. Parts it does not understand (a value renamed in a later
     * version, a hand-edited setting) are left out rather than failing: a remembered filter is a
     * convenience, never a reason not to show the Portfolio.
     */
    public static PortfolioFilter decode(String line) {
        PortfolioFilter f = NONE;
        if (line == null || line.isBlank()) {
            return f;
        }
        for (String part : line.split("&")) {
            int eq = part.indexOf('=');
            String key = eq < 0 ? part : part.substring(0, eq);
            String value = eq < 0 ? "" : part.substring(eq + 1);
            try {
                f = switch (key) {
                    case "text" -> f.withText(URLDecoder.decode(value, StandardCharsets.UTF_8));
                    case "region" -> f.withRegion(Optional.of(Region.valueOf(value)));
                    case "segment" -> f.withSegment(Optional.of(Segment.valueOf(value)));
                    case "health" -> f.withHealth(enums(HealthColour.class, value));
                    case "status" -> f.withStatuses(enums(CustomerStatus.class, value));
                    case "overdue" -> f.withOverdue(true);
                    case "covid" -> f.withCovidRfa(true);
                    case "watchlist" -> f.withWatchlist(true);
                    case "mine" -> f.withMine(true);
                    case "unsynced" -> f.withUnsynced(true);
                    default -> f;
                };
            } catch (IllegalArgumentException e) {
                // an unknown constant: drop this part, keep the rest
            }
        }
        return f;
    }

    private static <E extends Enum<E>> Set<E> enums(Class<E> type, String csv) {
        Set<E> set = EnumSet.noneOf(type);
        for (String name : csv.split(",")) {
            if (!name.isBlank()) {
                set.add(Enum.valueOf(type, name.strip()));
            }
        }
        return set;
    }
}
