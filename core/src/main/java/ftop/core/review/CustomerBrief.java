package ftop.core.review;

import ftop.core.health.CustomerStatus;
import ftop.core.health.HealthColour;
import ftop.core.health.WorkloadGroup;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a health owner presents about one customer in a Regional Customer Health Review meeting,
 * generated from the data by {@link CustomerBriefs} and then edited freely before export.
 *
 * <p>The facts at the top (colours, status, next review) are what the data said when the brief was
 * generated and feed the meeting pack's overview table; the text sections are the presenter's words
 * and can be changed with {@link #with(BriefSection, String)}. {@link #missing()} names every piece
 * of data the brief had to do without, so the presenter can fill it in rather than be surprised.
 *
 * @param tpid             the customer
 * @param customerName     the customer's name
 * @param overall          the overall colour; empty when it cannot be judged from usage
 * @param groups           the colour of each group that has usage data
 * @param status           the Customer Status of the Customer Progress section
 * @param nextReview       when the next review is due by the Customer Progress dates and the cadence
 * @param opening          the opening sentence (health today, forecast)
 * @param renewals         subscription renewal dates
 * @param business         cloud business reason and mindset
 * @param highlights       workload highlights: Green and Blue workloads, forecast growth
 * @param lowlights        workload lowlights: blocked or no intent, Red and Yellow workloads, missing usage
 * @param risks            risks, blockers and wins from the latest Enterprise Status
 * @param asks             asks of FastTrack leadership, help needed
 * @param missing          the data that was missing, each named as a person would look for it
 * @param previousReview   the day of the previous review, which the "since" section starts from
 * @param sinceReview      what changed since the previous review ({@link SinceReview#text()})
 */
public record CustomerBrief(
        long tpid,
        String customerName,
        Optional<HealthColour> overall,
        Map<WorkloadGroup, HealthColour> groups,
        Optional<CustomerStatus> status,
        Optional<LocalDate> nextReview,
        String opening,
        String renewals,
        String business,
        String highlights,
        String lowlights,
        String risks,
        String asks,
        List<String> missing,
        Optional<LocalDate> previousReview,
        String sinceReview) {

    /** Copies the collections and strips the text of every section; a missing text is empty. */
    public CustomerBrief {
        Objects.requireNonNull(customerName, "customerName");
        Objects.requireNonNull(overall, "overall");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(nextReview, "nextReview");
        EnumMap<WorkloadGroup, HealthColour> copy = new EnumMap<>(WorkloadGroup.class);
        copy.putAll(groups);
        groups = Collections.unmodifiableMap(copy);
        opening = text(opening);
        renewals = text(renewals);
        business = text(business);
        highlights = text(highlights);
        lowlights = text(lowlights);
        risks = text(risks);
        asks = text(asks);
        missing = List.copyOf(missing);
        previousReview = previousReview == null ? Optional.empty() : previousReview;
        sinceReview = text(sinceReview);
    }

    /** A brief without a "since the previous review" section. */
    public CustomerBrief(long tpid, String customerName, Optional<HealthColour> overall,
            Map<WorkloadGroup, HealthColour> groups, Optional<CustomerStatus> status, Optional<LocalDate> nextReview,
            String opening, String renewals, String business, String highlights, String lowlights, String risks,
            String asks, List<String> missing) {
        this(tpid, customerName, overall, groups, status, nextReview, opening, renewals, business, highlights,
                lowlights, risks, asks, missing, Optional.empty(), "");
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    /** The text of one section. */
    public String text(BriefSection section) {
        return switch (section) {
            case OPENING -> opening;
            case SINCE_REVIEW -> sinceReview;
            case RENEWALS -> renewals;
            case BUSINESS -> business;
            case HIGHLIGHTS -> highlights;
            case LOWLIGHTS -> lowlights;
            case RISKS -> risks;
            case ASKS -> asks;
        };
    }

    /** The heading printed above one section; the "since" section names the previous review's day. */
    public String heading(BriefSection section) {
        return section == BriefSection.SINCE_REVIEW ? SinceReview.heading(previousReview) : section.label();
    }

    /** How {@link #missing()} names the asks of leadership while the presenter has not written any. */
    public static final String ASKS_MISSING = "Asks of leadership";

    /**
     * A copy with one section's text replaced, as the presenter edited it. Asks of leadership are
     * recorded nowhere but in the brief, so writing them (or clearing them) also updates
     * {@link #missing()}.
     */
    public CustomerBrief with(BriefSection section, String value) {
        List<String> stillMissing = missing;
        if (section == BriefSection.ASKS) {
            String text = text(value);
            boolean written = !text.isEmpty() && !text.equals(CustomerBriefs.NO_ASKS);
            stillMissing = new ArrayList<>(missing);
            stillMissing.remove(ASKS_MISSING);
            if (!written) {
                stillMissing.add(ASKS_MISSING);
            }
        }
        return new CustomerBrief(tpid, customerName, overall, groups, status, nextReview,
                section == BriefSection.OPENING ? value : opening,
                section == BriefSection.RENEWALS ? value : renewals,
                section == BriefSection.BUSINESS ? value : business,
                section == BriefSection.HIGHLIGHTS ? value : highlights,
                section == BriefSection.LOWLIGHTS ? value : lowlights,
                section == BriefSection.RISKS ? value : risks,
                section == BriefSection.ASKS ? value : asks,
                stillMissing, previousReview,
                section == BriefSection.SINCE_REVIEW ? value : sinceReview);
    }

    /** The colour of {@code group}, empty when the group has no usage data. */
    public Optional<HealthColour> group(WorkloadGroup group) {
        return Optional.ofNullable(groups.get(group));
    }

    /** True when the next review date has passed on {@code day}, or no review date is known. */
    public boolean reviewOverdueOn(LocalDate day) {
        return nextReview.map(day::isAfter).orElse(true);
    }
}
