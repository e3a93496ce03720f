package ftop.core.tenant;

import ftop.core.Labelled;

/** How a tenant record entered FTOP. */
public enum TenantOrigin implements Labelled {
    COMMERCE_FEED("Commerce feed"),
    TENANT_EXCEPTION("Tenant exception"),
    REQUEST_FOR_ASSISTANCE("Request for assistance");

    private final String label;

    TenantOrigin(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
