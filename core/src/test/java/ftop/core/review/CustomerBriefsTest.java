package ftop.core.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ftop.core.health.CustomerStatus;
import ftop.core.health.HealthColour;
import ftop.core.health.HealthRules;
import ftop.core.health.Workload;
import ftop.core.health.WorkloadGroup;
import ftop.core.usage.Forecast;
import ftop.core.usage.Quarter;
import ftop.core.validation.Contoso;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CustomerBriefsTest {

    private static final LocalDate TODAY = Contoso.TODAY; // 3 May 2021
    private final CustomerBriefs briefs = new CustomerBriefs(HealthRules.defaults(), ZoneOffset.UTC);

    @Test
    void contososBriefOpensWithTheSeedsSentence() {
        CustomerBrief brief = briefs.of(Contoso.TPID, ReviewWorld.contoso().source(), TODAY);

        assertThat(brief.opening()).isEqualTo("Customer Contoso's overall health is Red, with groups 1, 2 & 3 being "
                + "Red, Yellow and Red, respectively. I forecast to achieve a change in the overall customer health "
                + "from Red to Yellow by the end of June 2021.");
        assertThat(brief.overall()).contains(HealthColour.RED);
        assertThat(brief.groups()).containsEntry(WorkloadGroup.GROUP_2, HealthColour.YELLOW);
        assertThat(brief.status()).contains(CustomerStatus.IN_PROGRESS);
        assertThat(brief.nextReview()).contains(LocalDate.of(2021, 5, 17));
    }

    @Test
    void everySectionIsFilledFromTheData() {
        CustomerBrief brief = briefs.of(Contoso.TPID, ReviewWorld.contoso().source(), TODAY);

        assertThat(brief.renewals()).isEqualTo("The subscription renews on 30 June 2022.");
        assertThat(brief.business()).isEqualTo("""
                - Business reason: Modern workplace.
                - Overall mindset: Aligned: an overall strategy that is "Pro Microsoft cloud".
                - Customer status: In Progress.
                - Lifecycle phase: Enable.
                - Onboarding completion expected: 31 December 2021.
                - Success owner: Patti Fernandez (CIO).""");
        assertThat(brief.highlights()).isEqualTo("""
                - Exchange: Blue, 85% active (8,500 of 10,000).
                - Forecast for 2021-Q3: Azure Active Directory Premium (AADP) to reach Yellow (3,000 active, 30% of 10,000).""");
        assertThat(brief.lowlights()).isEqualTo("""
                - ODSP (OneDrive/SharePoint): Red, 10% active (1,000 of 10,000); Yellow needs 30%.
                - Windows 10: Yellow, 40% active (4,000 of 10,000); Green needs 50%.
                - Azure Active Directory Premium (AADP): Red, 5% active (500 of 10,000); Yellow needs 20%.
                - No usage data for Office ProPlus, Intune.""");
        assertThat(brief.risks()).isEqualTo("""
                From the Enterprise Status of 3 May 2021 by megan.bowen.
                - Risks and blockers: Network upgrade late.
                - Progress and wins: Exchange migration 60% done; Teams pilot next.
                - Leadership awareness: New CIO since April.""");
        assertThat(brief.asks()).isEqualTo(CustomerBriefs.NO_ASKS);
        assertThat(brief.missing()).containsExactly("Asks of leadership");
    }

    @Test
    void aCustomerWithNoDataHasEveryGapNamedAndNothingInvented() {
        CustomerBrief brief = briefs.of(Contoso.FABRIKAM_TPID, ReviewWorld.contoso().source(), TODAY);

        assertThat(brief.opening()).isEqualTo("Customer Fabrikam's overall health is not yet measured, with no usage "
                + "data for groups 1, 2 & 3. No forecast has been set.");
        assertThat(brief.renewals()).isEqualTo("No subscription renewal dates are recorded.");
        assertThat(brief.business()).contains("- Business reason: not recorded.", "- Overall mindset: not recorded.",
                "- Success owner: not recorded.");
        assertThat(brief.highlights()).isEqualTo("No workload is Green or Blue yet, and no forecast lifts a workload to a better colour.");
        assertThat(brief.lowlights()).isEqualTo("- No usage data for Exchange, ODSP (OneDrive/SharePoint), Windows 10, "
                + "Office ProPlus, Azure Active Directory Premium (AADP), Intune.");
        assertThat(brief.risks()).startsWith("No Enterprise Status has been written");
        assertThat(brief.overall()).isEmpty();
        assertThat(brief.nextReview()).isEmpty();
        assertThat(brief.missing()).containsExactly(
                "Usage data for Group 1, Group 2, Group 3",
                "Target health (Customer Progress)",
                "Expected Progress Due (Customer Progress)",
                "Next or previous review date (Customer Progress)",
                "Renewal dates",
                "Business reason (Customer Perspective)",
                "Overall mindset (Customer Perspective)",
                "Customer status (Customer Progress)",
                "Completion date (Customer Perspective)",
                "Success owner (Customer Perspective)",
                "Enterprise Status",
                "Asks of leadership");
    }

    @Test
    void anOutOfDateStatusIsUsedButFlagged() {
        // A month after the note, a Red customer's status (due every two weeks) is stale.
        CustomerBrief brief = briefs.of(Contoso.TPID, ReviewWorld.contoso().source(), TODAY.plusDays(30));

        assertThat(brief.risks()).startsWith("From the Enterprise Status of 3 May 2021 by megan.bowen. It is out of "
                + "date: an update was due 17 May 2021.");
        assertThat(brief.missing()).contains("An up-to-date Enterprise Status");
    }

    @Test
    void aPassedExpectedProgressDueIsKeptInTheSentenceButFlagged() {
        CustomerBrief brief = briefs.of(Contoso.TPID, ReviewWorld.contoso().source(), LocalDate.of(2021, 7, 1));

        assertThat(brief.opening()).endsWith("from Red to Yellow by the end of June 2021.");
        assertThat(brief.missing()).contains("A current Expected Progress Due (the one set, 30 June 2021, has passed)");
    }

    @Test
    void theNearestForecastThatLiftsAWorkloadToABetterColourIsNamed() {
        ReviewWorld world = ReviewWorld.contoso()
                .add(new Forecast(Contoso.TPID, Workload.WINDOWS_10, new Quarter(2021, 2), 3_000))
                .add(new Forecast(Contoso.TPID, Workload.WINDOWS_10, new Quarter(2021, 3), 4_000))
                .add(new Forecast(Contoso.TPID, Workload.WINDOWS_10, new Quarter(2021, 4), 5_500))
                .add(new Forecast(Contoso.TPID, Workload.WINDOWS_10, new Quarter(2022, 1), 7_000))
                .add(new Forecast(Contoso.TPID, Workload.INTUNE, new Quarter(2021, 1), 900));

        CustomerBrief brief = briefs.of(Contoso.TPID, world.source(), TODAY);

        assertThat(brief.highlights()).contains("- Forecast for 2021-Q4: Windows 10 to reach Green (5,500 active, 55% of 10,000).")
                .doesNotContain("2021-Q1", "2022-Q1");
    }

    @Test
    void blockedCustomersAndPassedRenewalsAreCalledOut() {
        ReviewWorld world = new ReviewWorld().customer(7, "Tailspin").colour(7, HealthColour.GREEN);
        world.add(new ftop.core.health.CustomerHealth(7, new ftop.core.health.CustomerProgress(
                Optional.of(CustomerStatus.BLOCKED_TECHNICAL), null, null, null, null, null, null, null), null));
        world.add(new ftop.core.customer.Customer(8, "Wingtip", ftop.core.customer.Segment.S1500,
                ftop.core.customer.Region.CANADA, ftop.core.customer.Vertical.MANUFACTURING, "",
                ftop.core.customer.LifecyclePhase.ASSESS, List.of(LocalDate.of(2021, 6, 30), LocalDate.of(2021, 1, 31))));

        CustomerBrief tailspin = briefs.of(7, world.source(), TODAY);
        CustomerBrief wingtip = briefs.of(8, world.source(), TODAY);

        assertThat(tailspin.lowlights()).startsWith("- Customer status is Blocked Technical: a technical blocker");
        assertThat(wingtip.renewals()).isEqualTo("Subscriptions renew on 31 January 2021 (passed) and 30 June 2021.");
    }

    @Test
    void editingASectionKeepsTheOthers() {
        CustomerBrief brief = briefs.of(Contoso.TPID, ReviewWorld.contoso().source(), TODAY);

        CustomerBrief edited = brief.with(BriefSection.ASKS, "  Executive sponsor call with the new CIO.  ");

        assertThat(edited.asks()).isEqualTo("Executive sponsor call with the new CIO.");
        assertThat(edited.text(BriefSection.ASKS)).isEqualTo(edited.asks());
        for (BriefSection section : BriefSection.values()) {
            if (section != BriefSection.ASKS) {
                assertThat(edited.text(section)).isEqualTo(brief.text(section));
            }
        }
        assertThat(brief.asks()).isEqualTo(CustomerBriefs.NO_ASKS);
    }

    @Test
    void writingTheAsksTakesThemOffTheMissingListAndClearingThemPutsThemBack() {
        CustomerBrief brief = briefs.of(Contoso.FABRIKAM_TPID, ReviewWorld.contoso().source(), TODAY);
        assertThat(brief.missing()).contains(CustomerBrief.ASKS_MISSING);

        CustomerBrief written = brief.with(BriefSection.ASKS, "Help with the licence true-up.");
        CustomerBrief cleared = written.with(BriefSection.ASKS, "   ");

        assertThat(written.missing()).doesNotContain(CustomerBrief.ASKS_MISSING).hasSize(brief.missing().size() - 1);
        assertThat(cleared.missing()).containsExactlyInAnyOrderElementsOf(brief.missing());
        assertThat(brief.with(BriefSection.HIGHLIGHTS, "x").missing()).isEqualTo(brief.missing());
    }

    @Test
    void briefsOfSeveralCustomersKeepTheOrderAskedFor() {
        List<CustomerBrief> list = briefs.of(List.of(Contoso.FABRIKAM_TPID, Contoso.TPID), ReviewWorld.contoso().source(), TODAY);

        assertThat(list).extracting(CustomerBrief::customerName).containsExactly("Fabrikam", "Contoso");
    }

    @Test
    void anUnknownCustomerIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> briefs.of(999, ReviewWorld.contoso().source(), TODAY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Customer 999 is not in the local data; sync, or check the TPID.");
    }
}
