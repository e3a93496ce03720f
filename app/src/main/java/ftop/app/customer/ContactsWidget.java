package ftop.app.customer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import atlantafx.base.theme.Styles;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import ftop.app.edit.DraftForm;
import ftop.app.edit.DraftKey;
import ftop.app.edit.DraftNotice;
import ftop.app.edit.OpenForm;
import ftop.app.widgets.DialogService;
import ftop.app.widgets.FieldError;
import ftop.core.contact.Contact;
import ftop.core.contact.ContactKind;
import ftop.core.health.CustomerPerspective;
import ftop.core.store.Draft;
import ftop.core.store.RowRef;
import ftop.core.validation.Limits;
import ftop.core.validation.Problem;

/**
 * The Contacts card: customer and Microsoft contacts, each with a free-text Title ("Intune CAT",
 * "GTP"); add, edit and remove in an inline editor. Removing the Success Owner clears that field
 * of the health form in the same edit, so the form never points at a contact that is gone. The
 * editor is an {@link OpenForm}: the quit guard asks it, and what is typed is kept as a draft.
 */
final class ContactsWidget extends VBox implements OpenForm {

    private final CustomerViewModel model;
    private final DialogService dialogs;
    private final Button add = new Button("Add contact", new FontIcon(Material2AL.ADD));
    private final VBox list = new VBox(12);
    private final VBox editor = new VBox(8);
    private final Label editorTitle = new Label();
    private final ComboBox<ContactKind> kind = new ComboBox<>();
    private final TextField name = field("contactNameField", "Full name");
    private final TextField title = field("contactTitleField", "e.g. CIO, Intune CAT, GTP");
    private final TextField email = field("contactEmailField", "name@contoso.com");
    private final TextField phone = field("contactPhoneField", "+1 425 555 0100");
    private final Map<String, Label> errors = Map.of(
            "name", FieldError.label("contactNameError"),
            "title", FieldError.label("contactTitleError"),
            "email", FieldError.label("contactEmailError"),
            "phone", FieldError.label("contactPhoneError"));
    private final Label message = FieldError.label("contactMessage");
    private final Label notice = new Label();
    private final Button save = new Button("Save contact", new FontIcon(Material2MZ.SAVE));
    private final Button cancel = new Button("Cancel");
    private CustomerDetails details;
    /** The contact being edited; null while adding a new one. */
    private Contact editing;
    private final Consumer<Node> reveal;
    private final List<Runnable> listeners = new ArrayList<>();
    /** The editor's fields when it opened: the saved contact, or blanks for a new one. */
    private Map<String, String> base = Map.of();

    /** @param reveal brings a node of the card into view: the Customer tab, scrolled to it */
    ContactsWidget(CustomerViewModel model, DialogService dialogs, Consumer<Node> reveal) {
        this.model = model;
        this.dialogs = dialogs;
        this.reveal = reveal;
        add.setId("addContactButton");
        add.getStyleClass().add(Styles.SMALL);
        add.managedProperty().bind(add.visibleProperty());
        add.setOnAction(e -> open(null));
        Cards.dress(this, "contactsSection", "Contacts", Material2AL.CONTACTS, add);
        list.setId("contactList");

        kind.setId("contactKindField");
        kind.getItems().setAll(ContactKind.values());
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(ContactKind k) {
                return k == null ? "" : k.label();
            }

            @Override
            public ContactKind fromString(String s) {
                return null;
            }
        });
        kind.setMaxWidth(Double.MAX_VALUE);

        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints inputs = new ColumnConstraints();
        inputs.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().addAll(labels, inputs);
        int r = 0;
        form.addRow(r++, formLabel("Contact for", kind), kind);
        form.addRow(r++, formLabel("Name", name), withError(name, Cards.limit(name, Limits.CONTACT_NAME_MAX), errors.get("name")));
        form.addRow(r++, formLabel("Title", title), withError(title, Cards.limit(title, Limits.CONTACT_TITLE_MAX), errors.get("title")));
        form.addRow(r++, formLabel("E-mail", email), withError(email, Cards.limit(email, Limits.EMAIL_MAX), errors.get("email")));
        form.addRow(r++, formLabel("Phone", phone), withError(phone, Cards.limit(phone, Limits.PHONE_MAX), errors.get("phone")));

        save.setId("contactSave");
        save.getStyleClass().add(Styles.ACCENT);
        save.setOnAction(e -> saveContact(saved -> { }));
        cancel.setId("contactCancel");
        cancel.setOnAction(e -> close());
        HBox buttons = new HBox(8, cancel, save);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        editorTitle.getStyleClass().add(Styles.TEXT_BOLD);
        editor.setId("contactEditor");
        editor.getStyleClass().add("inline-editor");
        notice.setId("contactNotice");
        notice.getStyleClass().addAll("section-notice", Styles.TEXT_SMALL);
        notice.setGraphic(new FontIcon(Material2MZ.RESTORE_PAGE));
        notice.setWrapText(true);
        notice.visibleProperty().bind(notice.textProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        editor.getChildren().addAll(editorTitle, notice, form, buttons);
        // Esc is Cancel; a handler, so an open popup (the kind's list) closes on Esc first
        editor.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && !cancel.isDisabled()) {
                e.consume();
                close();
                add.requestFocus();
            }
        });
        editor.setVisible(false);
        editor.managedProperty().bind(editor.visibleProperty());
        getChildren().addAll(editor, message, list);
        kind.valueProperty().addListener((obs, old, now) -> changed());
        for (TextField input : List.of(name, title, email, phone)) {
            input.textProperty().addListener((obs, old, now) -> changed());
        }
        // a field's problem goes once the person changes it; Save checks it again
        Map.of("name", name, "title", title, "email", email, "phone", phone).forEach((field, input) ->
                input.textProperty().addListener((obs, old, now) -> {
                    if (!errors.get(field).getText().isEmpty()) {
                        errors.get(field).setText("");
                        invalid(field, false);
                        if (errors.values().stream().allMatch(l -> l.getText().isEmpty())) {
                            message.setText("");
                        }
                    }
                }));
        editor.visibleProperty().addListener((obs, old, now) -> changed());
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }

    void show(CustomerDetails fresh) {
        if (details != null && details.customer().tpid() != fresh.customer().tpid()) {
            close();
        }
        details = fresh;
        boolean canEdit = fresh.editHealth().allowed();
        add.setVisible(canEdit);
        list.getChildren().clear();
        Optional<UUID> owner = fresh.health().perspective().successOwner();
        int index = 0;
        for (ContactKind k : ContactKind.values()) {
            List<Contact> ofKind = fresh.contacts().stream().filter(c -> c.kind() == k).toList();
            Label heading = new Label(k.label() + " contacts");
            heading.getStyleClass().addAll(Styles.TEXT_BOLD, Styles.TEXT_SMALL);
            VBox group = new VBox(6, heading);
            if (ofKind.isEmpty()) {
                group.getChildren().add(Cards.muted("None yet."));
            }
            for (Contact c : ofKind) {
                group.getChildren().add(row(c, index++, canEdit, owner.filter(c.id()::equals).isPresent()));
            }
            list.getChildren().add(group);
        }
    }

    private HBox row(Contact c, int index, boolean canEdit, boolean successOwner) {
        Label who = new Label(c.name());
        who.getStyleClass().add(Styles.TEXT_BOLD);
        Label role = new Label(c.title());
        role.getStyleClass().add("contact-title");
        role.setVisible(!c.title().isBlank());
        role.managedProperty().bind(role.visibleProperty());
        HBox top = new HBox(8, who, role);
        top.setAlignment(Pos.CENTER_LEFT);
        if (successOwner) {
            Label badge = new Label("Success Owner", new FontIcon(Material2MZ.STAR));
            badge.getStyleClass().addAll(Styles.TEXT_SMALL, "success-owner-badge");
            top.getChildren().add(badge);
        }
        List<String> reach = new ArrayList<>();
        if (!c.email().isBlank()) {
            reach.add(c.email());
        }
        if (!c.phone().isBlank()) {
            reach.add(c.phone());
        }
        VBox text = new VBox(2, top);
        if (!reach.isEmpty()) {
            Label how = new Label(String.join("  ·  ", reach));
            how.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            text.getChildren().add(how);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox row = new HBox(8, text, spacer);
        row.setId("contactRow" + index);
        row.getStyleClass().add("contact-row");
        row.setAlignment(Pos.CENTER_LEFT);
        if (canEdit) {
            Button edit = new Button(null, new FontIcon(Material2AL.EDIT));
            edit.setId("editContact" + index);
            edit.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
            edit.setTooltip(new Tooltip("Edit " + c.name()));
            edit.setOnAction(e -> open(c));
            Button remove = new Button(null, new FontIcon(Material2AL.DELETE_OUTLINE));
            remove.setId("removeContact" + index);
            remove.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.DANGER);
            remove.setTooltip(new Tooltip("Remove " + c.name()));
            remove.setOnAction(e -> remove(c, successOwner));
            row.getChildren().addAll(edit, remove);
        }
        return row;
    }

    /** Opens the editor for {@code contact}, or for a new contact when it is null. */
    void open(Contact contact) {
        editing = contact;
        clearErrors();
        editorTitle.setText(contact == null ? "New contact" : "Edit " + contact.name());
        kind.setValue(contact == null ? ContactKind.CUSTOMER : contact.kind());
        name.setText(contact == null ? "" : contact.name());
        title.setText(contact == null ? "" : contact.title());
        email.setText(contact == null ? "" : contact.email());
        phone.setText(contact == null ? "" : contact.phone());
        notice.setText("");
        base = texts();
        editor.setVisible(true);
        Platform.runLater(name::requestFocus);
    }

    void close() {
        editor.setVisible(false);
        editing = null;
        notice.setText("");
        clearErrors();
    }

    @Override
    public String owner() {
        return details == null ? "This customer" : details.customer().name();
    }

    @Override
    public String title() {
        return editing == null ? "new contact" : "contact " + editing.name();
    }

    @Override
    public boolean isOpen() {
        return details != null && editor.isVisible();
    }

    @Override
    public void save(Consumer<Boolean> done) {
        saveContact(done);
    }

    @Override
    public void reveal() {
        reveal.accept(editor);
        Platform.runLater(name::requestFocus);
    }

    @Override
    public void addChangeListener(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public Optional<DraftKey> draftKey() {
        return details == null ? Optional.empty()
                : Optional.of(DraftKey.ofCustomer(DraftForm.CONTACT, details.customer().tpid()));
    }

    @Override
    public Map<String, String> draftValues() {
        return texts();
    }

    @Override
    public Map<String, String> draftBase() {
        return base;
    }

    /** The editor's fields as typed, and which contact they are of ("" for a new one). */
    private Map<String, String> texts() {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("id", editing == null ? "" : editing.id().toString());
        texts.put("kind", kind.getValue() == null ? "" : kind.getValue().name());
        texts.put("name", name.getText());
        texts.put("title", title.getText());
        texts.put("email", email.getText());
        texts.put("phone", phone.getText());
        return texts;
    }

    @Override
    public Optional<String> restore(Draft draft) {
        if (details == null || details.customer().tpid() != draft.tpid()) {
            return Optional.of("The customer of the draft is not shown.");
        }
        if (details.editHealth().denied()) {
            return Optional.of(details.editHealth().reason());
        }
        Map<String, String> values = draft.values();
        String id = values.getOrDefault("id", "");
        Optional<Contact> was = id.isEmpty() ? Optional.empty()
                : details.contacts().stream().filter(c -> c.id().toString().equals(id)).findFirst();
        // a contact removed meanwhile comes back as a new one, with what was typed for it
        open(was.orElse(null));
        boolean changedSince = !id.isEmpty() && was.isEmpty() || draft.baseDiffersFrom(base);
        // what the person changed, on top of the contact as it is now (all of it for a new one)
        Map<String, String> changes = id.isEmpty() || was.isPresent() ? draft.changes() : values;
        if (changes.containsKey("kind")) {
            try {
                kind.setValue(ContactKind.valueOf(changes.get("kind")));
            } catch (IllegalArgumentException e) {
                // a kind this version does not know: the contact's own stays
            }
        }
        for (var field : Map.of("name", name, "title", title, "email", email, "phone", phone).entrySet()) {
            if (changes.containsKey(field.getKey())) {
                field.getValue().setText(changes.get(field.getKey()));
            }
        }
        notice.setText(DraftNotice.restored(draft, changedSince, "contact",
                model.edits().now()));
        changed();
        return Optional.empty();
    }

    @Override
    public boolean hasUnsavedChanges() {
        if (!editor.isVisible()) {
            return false;
        }
        Contact typed = typed();
        if (editing == null) {
            return !(typed.name().isBlank() && typed.title().isBlank() && typed.email().isBlank() && typed.phone().isBlank());
        }
        return !typed.equals(editing);
    }

    @Override
    public void discard() {
        close();
    }

    private Contact typed() {
        UUID id = editing == null ? UUID.randomUUID() : editing.id();
        long tpid = details.customer().tpid();
        return new Contact(id, tpid, kind.getValue() == null ? ContactKind.CUSTOMER : kind.getValue(),
                name.getText().strip(), title.getText().strip(), email.getText().strip(), phone.getText().strip());
    }

    private void saveContact(Consumer<Boolean> done) {
        clearErrors();
        Contact contact = typed();
        List<Object> saves = new ArrayList<>();
        saves.add(contact);
        // a Success Owner turned into a Microsoft contact can no longer own the customer's success
        CustomerPerspective p = details.health().perspective();
        if (contact.kind() != ContactKind.CUSTOMER && p.successOwner().filter(contact.id()::equals).isPresent()) {
            message.setText(contact.name() + " is the Success Owner, who must be a customer contact; pick another "
                    + "Success Owner in Customer Perspective first.");
            done.accept(false);
            return;
        }
        save.setDisable(true);
        String what = editing == null ? "Contact " + contact.name() + " added" : "Contact " + contact.name() + " changed";
        model.save(what, saves, List.of(), () -> {
            save.setDisable(false);
            close();
            done.accept(true);
        }, problems -> {
            save.setDisable(false);
            showProblems(problems);
            done.accept(false);
        });
    }

    private void remove(Contact c, boolean successOwner) {
        String question = successOwner
                ? c.name() + " is the Success Owner; removing them also clears the Success Owner of the health form."
                : "Remove " + c.name() + " from the contacts of " + details.customer().name() + "?";
        if (!dialogs.confirm(this, "Remove " + c.name() + "?", question, "Remove")) {
            return;
        }
        List<Object> saves = new ArrayList<>();
        if (successOwner) {
            CustomerPerspective p = details.health().perspective();
            saves.add(details.health().withPerspective(new CustomerPerspective(p.mindset(), p.completionDate(),
                    p.businessReason(), Optional.empty())));
        }
        model.save("Contact " + c.name() + " removed", saves, List.of(RowRef.of(c)), () -> { }, problems -> {
            editor.setVisible(false);
            showProblems(problems);
        });
    }

    private void showProblems(List<Problem> problems) {
        List<String> rest = new ArrayList<>();
        for (Problem p : problems) {
            Label at = errors.get(p.field());
            if (at != null && editor.isVisible()) {
                at.setText(p.message());
                invalid(p.field(), true);
            } else {
                rest.add(p.message());
            }
        }
        message.setText(rest.isEmpty() ? "Fix the fields marked in red, then Save again." : String.join(" ", rest));
    }

    private void invalid(String field, boolean bad) {
        TextField input = switch (field) {
            case "name" -> name;
            case "title" -> title;
            case "email" -> email;
            default -> phone;
        };
        input.pseudoClassStateChanged(Styles.STATE_DANGER, bad);
        input.pseudoClassStateChanged(PseudoClass.getPseudoClass("invalid"), bad);
    }

    private void clearErrors() {
        errors.forEach((field, label) -> {
            label.setText("");
            invalid(field, false);
        });
        message.setText("");
    }

    private static TextField field(String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        return f;
    }

    private static Label formLabel(String text, Node input) {
        Label l = new Label(text);
        l.setLabelFor(input);
        l.getStyleClass().add("field-label");
        return l;
    }

    private static VBox withError(TextField input, Label counter, Label error) {
        HBox line = new HBox(8, input, counter);
        line.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(input, Priority.ALWAYS);
        return new VBox(2, line, error);
    }
}
