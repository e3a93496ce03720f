package ftop.app.widgets;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How dates and times read everywhere in the app, in one format that follows the person's locale
 * (the operating system's format settings): "Jun 1, 2021" in the US, "1 Jun 2021" in the UK. Every
 * view, message and field writes dates through here, and date fields read what it writes, so a
 * date in a message looks like the date in the field it is about.
 *
 * <p>The static methods use the locale the app started with; {@link #forLocale(Locale)} gives the
 * same formats for another one (tests, a locale chosen later).
 */
public final class DateText {

    /** An ISO date ("2026-11-01") as the core rules write them into their messages. */
    private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");

    private static final DateText DEFAULT = forLocale(Locale.getDefault(Locale.Category.FORMAT));

    private final Locale locale;
    private final DateTimeFormatter date;
    private final DateTimeFormatter dayAndMonth;
    private final DateTimeFormatter time;
    private final DateTimeFormatter month;
    private final DateTimeFormatter shortMonth;
    private final List<DateTimeFormatter> readers;

    private DateText(Locale locale) {
        this.locale = locale;
        String medium = pattern(FormatStyle.MEDIUM, locale);
        this.date = DateTimeFormatter.ofPattern(medium, locale);
        this.dayAndMonth = DateTimeFormatter.ofPattern(withoutYear(medium), locale);
        // a plain space before AM/PM: not every font has the narrow one the JDK's locale data uses
        this.time = DateTimeFormatter.ofPattern(pattern(null, FormatStyle.SHORT, locale).replace('\u202f', ' '),
                locale);
        this.month = new DateTimeFormatterBuilder().appendPattern(withoutDay(pattern(FormatStyle.LONG, locale)))
                .toFormatter(locale);
        this.shortMonth = DateTimeFormatter.ofPattern("MMM", locale);
        this.readers = List.of(
                reader(medium, locale),
                reader(pattern(FormatStyle.LONG, locale), locale),
                DateTimeFormatter.ISO_LOCAL_DATE.withResolverStyle(ResolverStyle.STRICT),
                reader(pattern(FormatStyle.SHORT, locale), locale));
    }

    /** The formats of {@code locale}. */
    public static DateText forLocale(Locale locale) {
        return new DateText(locale);
    }

    /** The formats of the locale the app started with. */
    public static DateText current() {
        return DEFAULT;
    }

    /** A date as every view shows it: "Jun 1, 2021" (US), "1 Jun 2021" (UK); "" for none. */
    public static String of(LocalDate date) {
        return DEFAULT.date(date);
    }

    /** The date, or {@code whenEmpty} when there is none. */
    public static String of(Optional<LocalDate> date, String whenEmpty) {
        return date.map(DateText::of).orElse(whenEmpty);
    }

    /** A moment as a date and a time of day in {@code zone}: "Jun 1, 2021, 2:05 PM". */
    public static String dateTime(Instant when, ZoneId zone) {
        return DEFAULT.dateAndTime(LocalDateTime.ofInstant(when, zone));
    }

    /** A time of day: "2:05 PM" (US), "14:05" (UK). */
    public static String time(Instant when, ZoneId zone) {
        return DEFAULT.time.format(LocalDateTime.ofInstant(when, zone));
    }

    /** A day without its year, for dates close at hand: "Jun 1" (US), "1 Jun" (UK). */
    public static String dayAndMonth(LocalDate date) {
        return DEFAULT.dayAndMonth.format(date);
    }

    /** A month with its year: "June 2021". */
    public static String month(YearMonth month) {
        return DEFAULT.month.format(month);
    }

    /** A month's short name, for an axis: "Jun". */
    public static String shortMonth(YearMonth month) {
        return DEFAULT.shortMonth.format(month);
    }

    /**
     * {@code message} with its ISO dates ("2026-11-01", as the core rules write them) in the
     * format of the fields: "Nov 1, 2026".
     */
    public static String inMessage(String message) {
        return DEFAULT.dates(message);
    }

    /** The locale these formats follow. */
    public Locale locale() {
        return locale;
    }

    /** As {@link #of(LocalDate)}, in this locale. */
    public String date(LocalDate value) {
        return value == null ? "" : date.format(value);
    }

    /** As {@link #dateTime(Instant, ZoneId)}, in this locale. */
    public String dateAndTime(LocalDateTime value) {
        return date.format(value) + ", " + time.format(value);
    }

    /** As {@link #inMessage(String)}, in this locale. */
    public String dates(String message) {
        if (message == null || message.isEmpty()) {
            return message;
        }
        Matcher m = ISO_DATE.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            try {
                replacement = date(LocalDate.parse(m.group(), DateTimeFormatter.ISO_LOCAL_DATE));
            } catch (DateTimeParseException e) {
                replacement = m.group();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Reads a date as people type it: as this class writes it, in the locale's long and short
     * forms (with a full year), or as 2021-06-01. Blank is no date.
     *
     * @throws IllegalArgumentException with a message for people when it is not a date
     */
    public Optional<LocalDate> read(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        for (DateTimeFormatter reader : readers) {
            try {
                return Optional.of(LocalDate.parse(t, reader));
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        throw new IllegalArgumentException("\"" + t + "\" is not a date. " + expected());
    }

    /** What to type, for messages: "Type a date such as May 17, 2021 or 2021-05-17." */
    public String expected() {
        LocalDate example = LocalDate.of(2021, 5, 17);
        return "Type a date such as " + date(example) + " or " + example + ".";
    }

    private static String pattern(FormatStyle dateStyle, Locale locale) {
        return pattern(dateStyle, null, locale);
    }

    private static String pattern(FormatStyle dateStyle, FormatStyle timeStyle, Locale locale) {
        return DateTimeFormatterBuilder.getLocalizedDateTimePattern(dateStyle, timeStyle, IsoChronology.INSTANCE,
                locale);
    }

    /** A reader of {@code pattern} that wants the year in full and refuses Feb 30. */
    private static DateTimeFormatter reader(String pattern, Locale locale) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive()
                .appendPattern(pattern.replaceAll("y+", "uuuu").replaceAll("EEEE|EEE|E", "").strip()
                        .replaceAll("^[,\\s]+", ""))
                .toFormatter(locale).withResolverStyle(ResolverStyle.STRICT);
    }

    /** "MMM d, y" → "MMM d": the pattern with its year and what separates it taken out. */
    private static String withoutYear(String pattern) {
        String cut = pattern.replaceAll("[\\s,./-]*y+[\\s,./-]*", " ").strip();
        return cut.replaceAll("[\\s,./-]+$", "");
    }

    /** "MMMM d, y" → "MMMM y": the month and year of a long date pattern. */
    private static String withoutDay(String pattern) {
        String cut = pattern.replaceAll("E+[,\\s]*", "").replaceAll("d+[\\s,.]*", "").strip();
        return cut.replaceAll("^[\\s,./-]+|[\\s,./-]+$", "");
    }
}
