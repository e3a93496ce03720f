package ftop.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ftop.app.AppFixtures;
import ftop.app.tasks.BackgroundTasks;
import ftop.app.workspace.ForwardingWorkspace;
import ftop.app.workspace.LoadedWorkspaces;
import ftop.core.change.EntityKind;
import ftop.core.validation.Contoso;

/** The main window's state without a window: tasks run at once on the test thread. */
class ShellModelTest {

    /** A workspace whose change notifications the test fires, and which counts its full reads. */
    private static final class ObservedWorkspace extends ForwardingWorkspace {
        final List<java.util.function.Consumer<java.util.Set<EntityKind>>> listeners = new ArrayList<>();
        int customerReads;
        int pending;

        ObservedWorkspace(Path dir) {
            super(LoadedWorkspaces.load(dir, "test", "megan.bowen", AppFixtures.dataset(), AppFixtures.clock()));
        }

        @Override
        public List<ftop.core.customer.Customer> customers() {
            customerReads++;
            return super.customers();
        }

        @Override
        public int pendingChanges() {
            return pending;
        }

        @Override
        public void addChangeListener(java.util.function.Consumer<java.util.Set<EntityKind>> listener) {
            listeners.add(listener);
        }

        void changed(EntityKind... kinds) {
            java.util.Set<EntityKind> set = kinds.length == 0 ? java.util.EnumSet.noneOf(EntityKind.class)
                    : java.util.EnumSet.of(kinds[0], kinds);
            listeners.forEach(l -> l.accept(set));
        }
    }

    @TempDir
    Path dir;

    private ObservedWorkspace workspace;
    private ShellModel model;

    @BeforeEach
    void open() {
        workspace = new ObservedWorkspace(dir);
        model = new ShellModel(workspace, BackgroundTasks.immediate(), AppFixtures.clock());
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    @Test
    void theStatusBarSaysWhereWhoHowManyAndThatNothingIsSynced() {
        model.refresh();

        assertThat(model.workspaceTextProperty().get()).isEqualTo("Workspace test");
        assertThat(model.locationTextProperty().get()).isEqualTo(dir.toAbsolutePath().normalize().toString());
        assertThat(model.userTextProperty().get()).isEqualTo("megan.bowen");
        assertThat(model.countsTextProperty().get()).isEqualTo("2 customers · 3 tenants");
        assertThat(model.pendingTextProperty().get()).isEqualTo("0 pending changes");
        assertThat(model.syncTextProperty().get()).isEqualTo("Local only · not synced");
        // the picker's choices come from the Portfolio's read, not from a second one
        assertThat(model.customer().choices()).hasSize(2);
        assertThat(workspace.customerReads).isEqualTo(1);
    }

    @Test
    void aChangeInTheWorkspaceIsShown() {
        model.refresh();
        workspace.pending = 1;

        workspace.changed(EntityKind.HEALTH);

        assertThat(model.pendingTextProperty().get()).isEqualTo("1 pending change");
        assertThat(workspace.customerReads).isEqualTo(2);
    }

    @Test
    void aChangeThePortfolioDoesNotShowLeavesItUnread() {
        model.refresh();
        workspace.pending = 2;

        workspace.changed(EntityKind.CONTACT, EntityKind.STATUS_NOTE);
        workspace.changed();

        assertThat(model.pendingTextProperty().get()).isEqualTo("2 pending changes");
        assertThat(workspace.customerReads).isEqualTo(1);

        workspace.changed(EntityKind.TENANT);
        assertThat(workspace.customerReads).isEqualTo(2);
    }

    @Test
    void aNewSignInIsFollowedByTheStatusBarAndMineOnlyAtOnce() {
        model.refresh();
        assertThat(mine()).containsExactly("Contoso");

        model.signedIn(Contoso.FTA.userId());

        assertThat(model.userProperty().get()).isEqualTo("alex.wilber");
        assertThat(model.userTextProperty().get()).isEqualTo("alex.wilber");
        assertThat(workspace.userId()).isEqualTo("alex.wilber");
        // Alex holds no assignment here: nothing is his, and the rows were read again for him
        assertThat(mine()).isEmpty();
        assertThat(workspace.customerReads).isEqualTo(2);

        model.signedIn(Contoso.FM.userId());
        assertThat(mine()).containsExactly("Contoso");
        assertThat(model.userTextProperty().get()).isEqualTo("megan.bowen");
    }

    private List<String> mine() {
        return model.portfolio().rows().stream().filter(ftop.app.portfolio.PortfolioRow::mine)
                .map(ftop.app.portfolio.PortfolioRow::name).toList();
    }

    @Test
    void openingACustomerShowsTheCustomerPage() {
        assertThat(model.pageProperty().get()).isEqualTo(Page.PORTFOLIO);

        model.openCustomer(Contoso.FABRIKAM_TPID);

        assertThat(model.pageProperty().get()).isEqualTo(Page.CUSTOMER);
        assertThat(model.customer().detailsProperty().get().customer().name()).isEqualTo("Fabrikam");

        model.showOther();
        assertThat(model.pageProperty().get()).isNull();
        model.openCustomer(Contoso.TPID);
        assertThat(model.pageProperty().get()).isEqualTo(Page.CUSTOMER);
    }

    @Test
    void theThemeChoiceIsRememberedButARestoredOneIsNot() {
        model.restoreDark(true);
        assertThat(model.darkProperty().get()).isTrue();
        assertThat(workspace.setting(ShellModel.THEME_SETTING)).isEmpty();

        model.setDark(false);

        assertThat(model.darkProperty().get()).isFalse();
        assertThat(workspace.setting(ShellModel.THEME_SETTING)).contains("light");
    }
}
