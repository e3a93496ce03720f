package ftop.app.shell;

/** The tabs of the main window. Later features add theirs here. */
public enum Page {
    PORTFOLIO("Portfolio"),
    CUSTOMER("Customer");

    private final String title;

    Page(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
