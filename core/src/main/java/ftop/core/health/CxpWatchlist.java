package ftop.core.health;

import ftop.core.Labelled;

/** CXP Watchlist: the customer's current watchlist status. */
public enum CxpWatchlist implements Labelled {
    NOT_ON_WATCHLIST("Not on watchlist"),
    ON_WATCHLIST("On watchlist"),
    CRITICAL("Critical"),
    GRADUATED("Graduated");

    private final String label;

    CxpWatchlist(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
