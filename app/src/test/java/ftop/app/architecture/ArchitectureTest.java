package ftop.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import ftop.app.workspace.StoreWorkspace;
import ftop.core.store.LocalStore;
import ftop.core.store.Outbox;
import ftop.core.store.RemoteRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps logic apart from the GUI: core and sync never see JavaFX, view models never talk to the
 * database themselves, and nothing below the app reaches up into it. The desktop's sync client
 * knows the server only by its HTTP API; server code reaches the desktop only through the demo
 * launcher ({@code ftop.sync.demo}). Features read and write the workspace through the store's two
 * ports only, and no two feature packages depend on each other both ways.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("ftop");
    }

    @Test
    void coreAndSyncNeverUseJavaFx() {
        noClasses().that().resideInAnyPackage("ftop.core..", "ftop.sync..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.controlsfx..")
                .allowEmptyShould(false)
                .check(classes);
    }

    @Test
    void coreAndSyncNeverDependOnTheApp() {
        noClasses().that().resideInAnyPackage("ftop.core..", "ftop.sync..")
                .should().dependOnClassesThat().resideInAPackage("ftop.app..")
                .check(classes);
    }

    @Test
    void viewModelsDoNotUseJdbc() {
        noClasses().that().resideInAPackage("ftop.app..").and().haveSimpleNameEndingWith("Model")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
                .allowEmptyShould(false)
                .check(classes);
    }

    @Test
    void theAppNeverUsesJdbcDirectly() {
        noClasses().that().resideInAPackage("ftop.app..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
                .check(classes);
    }

    @Test
    void theClientNeverSeesTheServer() {
        noClasses().that().resideInAnyPackage("ftop.sync.client..", "ftop.sync.protocol..")
                .should().dependOnClassesThat().resideInAPackage("ftop.sync.server..")
                .allowEmptyShould(false)
                .check(classes);
    }

    @Test
    void theDesktopReachesServerCodeOnlyThroughTheDemoLauncher() {
        noClasses().that().resideInAPackage("ftop.app..")
                .should().dependOnClassesThat().resideInAnyPackage("ftop.sync.server..", "ftop.sync.cli..",
                        "io.javalin..", "org.eclipse.jetty..", "org.flywaydb..", "org.postgresql..")
                .allowEmptyShould(false)
                .check(classes);
    }

    @Test
    void coreDrawsNoDocuments() {
        noClasses().that().resideInAnyPackage("ftop.core..", "ftop.sync..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.pdfbox..", "com.openhtmltopdf..")
                .check(classes);
    }

    @Test
    void widgetsKnowNothingOfTheFeaturesThatUseThem() {
        // a reusable widget (health chip, pencil section, field marker) is told what to show
        noClasses().that().resideInAPackage("ftop.app.widgets..")
                .should().dependOnClassesThat().resideInAnyPackage("ftop.app.customer..", "ftop.app.tenant..",
                        "ftop.app.portfolio..", "ftop.app.review..", "ftop.app.sync..", "ftop.app.edit..",
                        "ftop.app.shell..", "ftop.app.workspace..", "ftop.app.assignment..", "ftop.core.store..",
                        "ftop.sync..")
                .check(classes);
    }

    @Test
    void viewModelsDoNotDrawTheScene() {
        noClasses().that().resideInAPackage("ftop.app..").and().haveSimpleNameEndingWith("Model")
                .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
                .allowEmptyShould(false)
                .check(classes);
    }

    /**
     * The store's ports ({@code WorkspaceReads}, {@code WorkspaceWrites}) and its value types are
     * what features see; opening the store and syncing it is wiring, done by the application, the
     * workspace package and the sync feature.
     */
    @Test
    void featuresReachTheStoreOnlyThroughItsPorts() {
        noClasses().that().resideInAPackage("ftop.app..")
                .and().resideOutsideOfPackages("ftop.app", "ftop.app.workspace..", "ftop.app.sync..")
                .should().dependOnClassesThat().belongToAnyOf(LocalStore.class, Outbox.class, RemoteRow.class,
                        StoreWorkspace.class)
                .allowEmptyShould(false)
                .check(classes);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("ftop.app.(*)..").should().beFreeOfCycles().check(classes);
    }
}
