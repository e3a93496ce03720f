package ftop.app.edit;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;

import ftop.app.widgets.DateText;
import ftop.core.change.EntityKind;
import ftop.core.change.FieldLabels;

/**
 * A field's value in a message, as the form shows it: a choice by its label ("Critical"), a date as
 * every field shows dates, "(empty)" for nothing.
 */
public final class ValueText {

    /** How an empty value reads. */
    public static final String EMPTY = "(empty)";

    private ValueText() {
    }

    public static String of(EntityKind kind, String field, JsonNode value) {
        return FieldLabels.value(kind, field, value).map(ValueText::dateOrText).orElse(EMPTY);
    }

    private static String dateOrText(String text) {
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            try {
                return DateText.of(LocalDate.parse(text));
            } catch (DateTimeParseException e) {
                return text;
            }
        }
        return text;
    }
}
