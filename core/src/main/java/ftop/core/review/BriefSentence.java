package ftop.core.review;

import ftop.core.health.CustomerProgress;
import ftop.core.health.HealthAssessment;
import ftop.core.health.HealthColour;
import ftop.core.health.WorkloadGroup;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The opening sentence of a customer's review, in the structure the Regional Customer Health Review
 * meetings ask for:
 *
 * <blockquote>Customer Contoso's overall health is Red, with groups 1, 2 &amp; 3 being Red, Yellow and
 * Red, respectively. I forecast to achieve a change in the overall customer health from Red to Yellow
 * by the end of June 2021.</blockquote>
 *
 * <p>The health part comes from the usage-based {@link HealthAssessment}; the forecast part from the
 * Customer Progress section (Expected Progress Due and the colour expected by then). Nothing is ever
 * guessed: a group without usage data, an overall colour that cannot be judged, a missing target colour
 * or a missing due date are each said in words, so the presenter sees what still has to be filled in.
 */
public final class BriefSentence {

    /** Said when neither a target colour nor an expected progress due date is set. */
    public static final String NO_FORECAST = "No forecast has been set.";

    private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    private BriefSentence() {
    }

    /**
     * The opening sentence for a customer.
     *
     * @param customerName the customer's name as people know it
     * @param assessment   the customer's usage-based health
     * @param progress     the Customer Progress section, for the forecast
     */
    public static String of(String customerName, HealthAssessment assessment, CustomerProgress progress) {
        Objects.requireNonNull(assessment, "assessment");
        Map<WorkloadGroup, HealthColour> groups = new EnumMap<>(WorkloadGroup.class);
        for (WorkloadGroup group : WorkloadGroup.values()) {
            assessment.group(group).ifPresent(colour -> groups.put(group, colour));
        }
        return of(customerName, assessment.overall(), groups, progress.expectedHealth(), progress.expectedProgressDue());
    }

    /**
     * The opening sentence from its parts.
     *
     * @param customerName the customer's name
     * @param overall      the overall colour; empty when it cannot be judged
     * @param groups       the colour of each group that has usage data; groups not in the map have none
     * @param target       the overall colour the health owner expects the customer to reach
     * @param due          the Expected Progress Due date
     */
    public static String of(String customerName, Optional<HealthColour> overall, Map<WorkloadGroup, HealthColour> groups,
            Optional<HealthColour> target, Optional<LocalDate> due) {
        Objects.requireNonNull(overall, "overall");
        Objects.requireNonNull(groups, "groups");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(due, "due");
        return healthPart(customerName, overall, groups) + " " + forecastPart(overall, target, due);
    }

    /** The first sentence: today's overall colour and the colour of each group. */
    public static String healthPart(String customerName, Optional<HealthColour> overall,
            Map<WorkloadGroup, HealthColour> groups) {
        String name = customerName == null || customerName.isBlank() ? "(unnamed)" : customerName.strip();
        StringBuilder s = new StringBuilder("Customer ").append(name).append("'s overall health is ");
        s.append(overall.map(HealthColour::label).orElse("not yet measured"));

        List<Integer> measured = new ArrayList<>();
        List<String> colours = new ArrayList<>();
        List<Integer> unmeasured = new ArrayList<>();
        for (WorkloadGroup group : WorkloadGroup.values()) {
            HealthColour colour = groups.get(group);
            if (colour == null) {
                unmeasured.add(group.number());
            } else {
                measured.add(group.number());
                colours.add(colour.label());
            }
        }
        if (measured.size() == 1) {
            s.append(", with group ").append(measured.get(0)).append(" being ").append(colours.get(0));
        } else if (!measured.isEmpty()) {
            s.append(", with groups ").append(join(measured.stream().map(String::valueOf).toList(), " & "))
                    .append(" being ").append(join(colours, " and ")).append(", respectively");
        }
        if (!unmeasured.isEmpty()) {
            s.append(measured.isEmpty() ? ", with " : ", and ")
                    .append("no usage data for ")
                    .append(unmeasured.size() == 1 ? "group " : "groups ")
                    .append(join(unmeasured.stream().map(String::valueOf).toList(), " & "));
        }
        return s.append('.').toString();
    }

    /** The second sentence: the change the health owner forecasts, or what is missing for one. */
    public static String forecastPart(Optional<HealthColour> overall, Optional<HealthColour> target,
            Optional<LocalDate> due) {
        if (target.isEmpty() && due.isEmpty()) {
            return NO_FORECAST;
        }
        if (target.isEmpty()) {
            return "No target health has been set for the progress expected by the end of "
                    + MONTH_YEAR.format(due.get()) + ".";
        }
        HealthColour to = target.get();
        String change;
        String by = " by the end of ";
        if (overall.isEmpty()) {
            change = "I forecast the overall customer health to reach " + to.label();
        } else if (overall.get() == to) {
            change = "I forecast the overall customer health to stay " + to.label();
            by = " through the end of ";
        } else {
            change = "I forecast to achieve a change in the overall customer health from " + overall.get().label()
                    + " to " + to.label();
        }
        if (due.isEmpty()) {
            return change + "; no expected progress due date has been set.";
        }
        return change + by + MONTH_YEAR.format(due.get()) + ".";
    }

    /** "a", "a and b", "a, b and c" with {@code last} before the final item. */
    private static String join(List<String> items, String last) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + last + items.get(items.size() - 1);
    }
}
