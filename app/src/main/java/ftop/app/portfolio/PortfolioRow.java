package ftop.app.portfolio;

import java.util.Optional;

import ftop.core.customer.Customer;
import ftop.core.health.CustomerStatus;
import ftop.core.health.DueState;
import ftop.core.health.HealthColour;
import ftop.core.health.WorkloadGroup;

/**
 * One customer as the Portfolio table shows it, computed off the FX thread so the table only draws.
 *
 * @param customer    the customer
 * @param overall     overall health colour; empty when usage does not allow a judgement
 * @param group1      Group 1 colour, if any
 * @param group2      Group 2 colour, if any
 * @param group3      Group 3 colour, if any
 * @param status      the Customer Status from the health form
 * @param review      when the next review is due and whether it is overdue
 * @param tenantCount how many tenants the customer has
 * @param winner      the customer has a winner (SLT Watchlist) tenant
 * @param covidRfa    one of its tenants has an approved COVID-19 RFA
 */
public record PortfolioRow(
        Customer customer,
        Optional<HealthColour> overall,
        Optional<HealthColour> group1,
        Optional<HealthColour> group2,
        Optional<HealthColour> group3,
        Optional<CustomerStatus> status,
        DueState review,
        int tenantCount,
        boolean winner,
        boolean covidRfa) {

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
}
