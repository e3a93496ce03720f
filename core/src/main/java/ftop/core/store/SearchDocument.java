package ftop.core.store;

import ftop.core.change.EntityKind;
import ftop.core.contact.Contact;
import ftop.core.customer.Customer;
import ftop.core.search.SearchKind;
import ftop.core.search.SearchText;
import ftop.core.status.EnterpriseStatusNote;
import ftop.core.tenant.Tenant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the search index keeps of one row: the title and texts a result shows, and where it opens.
 * Only customers (name, TPID), tenants (name, tenant id), contacts (name, e-mail, title) and
 * Enterprise Status notes (Executive Summary, Risks, Awareness) are searched.
 */
record SearchDocument(SearchKind kind, String id, long tpid, String tenantId, String title, List<Field> fields,
                      Instant writtenAt) {

    static final String EXECUTIVE_SUMMARY = "Executive Summary";
    static final String RISKS = "Risks";
    static final String AWARENESS = "Awareness";

    /** One searched text of a row and its label. */
    record Field(String label, String text) {
    }

    /** The search kind of rows of {@code kind}; empty for kinds that are not searched. */
    static Optional<SearchKind> searchKind(EntityKind kind) {
        return switch (kind) {
            case CUSTOMER -> Optional.of(SearchKind.CUSTOMER);
            case TENANT -> Optional.of(SearchKind.TENANT);
            case CONTACT -> Optional.of(SearchKind.CONTACT);
            case STATUS_NOTE -> Optional.of(SearchKind.STATUS_NOTE);
            default -> Optional.empty();
        };
    }

    /** The document of a row of a searched kind. */
    static SearchDocument of(Object entity) {
        if (entity instanceof Customer c) {
            String tpid = Long.toString(c.tpid());
            return new SearchDocument(SearchKind.CUSTOMER, tpid, c.tpid(), null, c.name(),
                    List.of(new Field("TPID", tpid)), null);
        }
        if (entity instanceof Tenant t) {
            String id = t.tenantId().toString();
            return new SearchDocument(SearchKind.TENANT, id, t.tpid(), id, t.name(), List.of(new Field("Tenant ID", id)),
                    null);
        }
        if (entity instanceof Contact c) {
            List<Field> fields = new ArrayList<>();
            addIfAny(fields, "E-mail", c.email());
            addIfAny(fields, "Title", c.title());
            return new SearchDocument(SearchKind.CONTACT, c.id().toString(), c.tpid(), null, c.name(), fields, null);
        }
        if (entity instanceof EnterpriseStatusNote n) {
            List<Field> fields = new ArrayList<>();
            addIfAny(fields, EXECUTIVE_SUMMARY, n.executiveSummary());
            addIfAny(fields, RISKS, n.risks());
            addIfAny(fields, AWARENESS, n.awareness());
            return new SearchDocument(SearchKind.STATUS_NOTE, n.id().toString(), n.tpid(), n.tenantId().toString(), "",
                    fields, n.createdAt());
        }
        throw new IllegalArgumentException("Rows of " + entity.getClass().getSimpleName() + " are not searched");
    }

    private static void addIfAny(List<Field> fields, String label, String text) {
        if (text != null && !text.isBlank()) {
            fields.add(new Field(label, text));
        }
    }

    /** Every normalised word of the title and the texts, once. */
    Set<String> words() {
        Set<String> words = new LinkedHashSet<>(SearchText.words(title));
        for (Field field : fields) {
            words.addAll(SearchText.words(field.text()));
        }
        return words;
    }

    /**
     * The words that get a row of the word key: those of {@link SearchIndex#MIN_WORD} characters
     * or more. A one-letter word is still a word of the entry (a second word of a query is checked
     * against all of them), but as the word a search starts from it would only find rows that a
     * longer word of the query finds better, at the cost of a key row for every "a" and "3" of
     * every note.
     */
    Set<String> keyWords() {
        Set<String> keyed = new LinkedHashSet<>();
        for (String word : words()) {
            if (word.codePointCount(0, word.length()) >= SearchIndex.MIN_WORD) {
                keyed.add(word);
            }
        }
        return keyed;
    }

    /** The texts as the index stores them: one a line, label and text parted by a tab. */
    String encodedTexts() {
        StringBuilder out = new StringBuilder();
        for (Field field : fields) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(field.label()).append('\t').append(field.text().replace('\n', ' ').replace('\t', ' '));
        }
        return out.toString();
    }

    /** The texts back from {@link #encodedTexts()}. */
    static List<Field> decodeTexts(String encoded) {
        List<Field> fields = new ArrayList<>();
        if (encoded == null || encoded.isEmpty()) {
            return fields;
        }
        for (String line : encoded.split("\n")) {
            int tab = line.indexOf('\t');
            fields.add(tab < 0 ? new Field("", line) : new Field(line.substring(0, tab), line.substring(tab + 1)));
        }
        return fields;
    }
}
