package ftop.app.portfolio;

import java.util.Optional;

import ftop.app.workspace.UnsyncedEdits;

import ftop.core.customer.Customer;
import ftop.core.customer.Region;
import ftop.core.customer.Vertical;
import ftop.core.health.CustomerStatus;
import ftop.core.health.CxpWatchlist;
import ftop.core.health.DueState;
import ftop.core.health.HealthColour;
import ftop.core.health.WorkloadGroup;

/**
 * One customer as the Portfolio table shows it, computed off the FX thread so the table only draws
 * and a filter keystroke only compares precomputed strings.
 *
 * @param customer    the customer
 * @param overall     overall health colour; empty when usage does not allow a judgement
 * @param group1      Group 1 colour, if any
 * @param group2      Group 2 colour, if any
 * @param group3      Group 3 colour, if any
 * @param status      the Customer Status from the health form
 * @param review      when the next review is due and whether it is overdue
 * @param watchlist   the CXP watchlist status from the health form
 * @param region      the region for health activities (the health form's, else the customer's)
 * @param vertical    the vertical (the health form's, else the customer's)
 * @param healthOwner the display name of the Customer Health FM/FTA (the primary first); empty when nobody owns it
 * @param tenantCount how many tenants the customer has
 * @param winnerTenants how many of its tenants carry the winner (SLT Watchlist) flag: one is right
 * @param covidRfa    one of its tenants has an approved COVID-19 RFA
 * @param mine        the signed-in user holds an assignment on this customer
 * @param searchKey   lower-case name, TPID, tenant names and tenant IDs, for the search box
 * @param unsynced    the customer's local edits the server has not taken yet
 */
public record PortfolioRow(
        Customer customer,
        Optional<HealthColour> overall,
        Optional<HealthColour> group1,
        Optional<HealthColour> group2,
        Optional<HealthColour> group3,
        Optional<CustomerStatus> status,
        DueState review,
        Optional<CxpWatchlist> watchlist,
        Region region,
        Vertical vertical,
        String healthOwner,
        int tenantCount,
        int winnerTenants,
        boolean covidRfa,
        boolean mine,
        String searchKey,
        UnsyncedEdits unsynced) {

    public PortfolioRow {
        unsynced = unsynced == null ? UnsyncedEdits.NONE : unsynced;
    }

    /** This row with {@code edits} as its unsynced edits. */
    public PortfolioRow withUnsynced(UnsyncedEdits edits) {
        return new PortfolioRow(customer, overall, group1, group2, group3, status, review, watchlist, region, vertical,
                healthOwner, tenantCount, winnerTenants, covidRfa, mine, searchKey, edits);
    }

    /**
     * Why the customer's winner tenant needs attention, for the warning in the Flags column: a TPID
     * has exactly one winner tenant, which carries its Enterprise Status; empty when it has one.
     */
    public Optional<String> winnerWarning() {
        if (winnerTenants == 1) {
            return Optional.empty();
        }
        if (winnerTenants == 0) {
            return Optional.of("No winner tenant: " + customer.name() + " has no tenant with the SLT Watchlist flag, "
                    + "so nowhere to keep its Enterprise Status.");
        }
        return Optional.of(winnerTenants + " winner tenants: a TPID has one; the SLT Watchlist flag should stay on "
                + "only one of " + customer.name() + "'s tenants.");
    }

    public long tpid() {
        return customer.tpid();
    }

    public String name() {
        return customer.name();
    }

    public Optional<HealthColour> group(WorkloadGroup group) {
        return switch (group) {
            case GROUP_1 -> group1;
            case GROUP_2 -> group2;
            case GROUP_3 -> group3;
        };
    }

    /** On the CXP watchlist, critical included. */
    public boolean onWatchlist() {
        return watchlist.filter(w -> w == CxpWatchlist.ON_WATCHLIST || w == CxpWatchlist.CRITICAL).isPresent();
    }
}
