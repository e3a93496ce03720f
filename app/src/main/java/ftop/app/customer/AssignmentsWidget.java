package ftop.app.customer;

import java.util.Comparator;
import java.util.function.LongConsumer;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import atlantafx.base.theme.Styles;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import ftop.core.assignment.Assignment;

/**
 * The Assignments card: who holds which role in which area, and where (the customer, some
 * tenants). Its button opens the assignment dialog through the hook the assignments feature sets.
 */
final class AssignmentsWidget extends VBox {

    private final Button manage = new Button("Manage assignments", new FontIcon(Material2MZ.PEOPLE));
    private final VBox body = new VBox(6);
    private LongConsumer onOpen;
    private CustomerDetails details;

    AssignmentsWidget() {
        manage.setId("manageAssignmentsButton");
        manage.getStyleClass().add(Styles.SMALL);
        manage.setDisable(true);
        manage.setTooltip(new Tooltip("The assignment dialog is not available in this build"));
        manage.setOnAction(e -> {
            if (onOpen != null && details != null) {
                onOpen.accept(details.customer().tpid());
            }
        });
        Cards.dress(this, "assignmentsSection", "Assignments", Material2AL.ASSIGNMENT_IND, manage);
        body.setId("assignmentList");
        getChildren().add(body);
    }

    void setOnOpen(LongConsumer action) {
        onOpen = action;
        manage.setDisable(action == null);
        manage.setTooltip(new Tooltip(action == null ? "The assignment dialog is not available in this build"
                : "Add, change or remove this customer's assignments"));
    }

    void show(CustomerDetails fresh) {
        details = fresh;
        body.getChildren().clear();
        if (fresh.assignments().isEmpty()) {
            body.getChildren().add(Cards.muted("Nobody is assigned to this customer yet."));
            return;
        }
        GridPane grid = new GridPane();
        grid.setHgap(14);
        grid.setVgap(5);
        ColumnConstraints c0 = new ColumnConstraints();
        c0.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints c1 = new ColumnConstraints();
        c1.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints c2 = new ColumnConstraints();
        c2.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(c0, c1, c2);
        grid.addRow(0, header("Person"), header("Role"), header("Area · scope"));
        int row = 1;
        for (Assignment a : fresh.assignments().stream()
                .sorted(Comparator.comparing(Assignment::area).thenComparing(a -> !a.primary())
                        .thenComparing(Assignment::role).thenComparing(Assignment::userId)).toList()) {
            Label who = new Label(fresh.userName(a.userId()));
            who.setId("assignment" + (row - 1));
            who.getStyleClass().add(Styles.TEXT_BOLD);
            if (a.primary()) {
                who.setGraphic(new FontIcon(Material2MZ.STAR));
                who.setTooltip(new Tooltip("Primary: accountable for the TPID"));
            }
            Label role = new Label(a.role().label());
            Label where = new Label(a.area().label() + " · " + scope(a, fresh));
            where.getStyleClass().add(Styles.TEXT_MUTED);
            where.setWrapText(true);
            grid.addRow(row++, who, role, where);
        }
        body.getChildren().add(grid);
    }

    private static String scope(Assignment a, CustomerDetails d) {
        StringBuilder text = new StringBuilder(a.customerScope() ? "Customer" : "");
        for (var t : d.tenants()) {
            if (a.coversTenant(t.tenantId())) {
                text.append(text.length() == 0 ? "" : ", ").append(t.name());
            }
        }
        return text.length() == 0 ? "no scope" : text.toString();
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        return l;
    }
}
