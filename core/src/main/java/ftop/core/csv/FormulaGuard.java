package ftop.core.csv;

import java.util.regex.Pattern;

/**
 * The one rule against formula injection in the CSV files FTOP writes: a spreadsheet opening the file
 * would run a cell that starts with {@code =}, {@code +}, {@code -} or {@code @} as a formula (and
 * some also a cell starting with a tab or a carriage return), and customer or tenant names come
 * from master data nobody here controls. Such a cell is written with a leading apostrophe, which
 * spreadsheets hide and show the rest as text, unless it is a plain number such as {@code -42} or
 * {@code +3.5}, which a spreadsheet reads as that number and which can run nothing.
 *
 * <p>Imports of FTOP's own files take the apostrophe off again with {@link #restore}.
 */
public final class FormulaGuard {

    private static final String TRIGGERS = "=+-@\t\r";
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?");

    private FormulaGuard() {
    }

    /** {@code cell} safe to open in a spreadsheet. */
    public static String neutralise(String cell) {
        return startsWithTrigger(cell, 0) && !PLAIN_NUMBER.matcher(cell).matches() ? "'" + cell : cell;
    }

    /** The cell {@link #neutralise} was given: a leading apostrophe before a trigger is removed. */
    public static String restore(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && startsWithTrigger(cell, 1) ? cell.substring(1) : cell;
    }

    private static boolean startsWithTrigger(String cell, int at) {
        return cell.length() > at && TRIGGERS.indexOf(cell.charAt(at)) >= 0;
    }
}
