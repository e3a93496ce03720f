package ftop.core.review;

import static org.assertj.core.api.Assertions.assertThat;

import ftop.core.customer.Customer;
import ftop.core.dataset.Dataset;
import ftop.core.dataset.DatasetGenerator;
import ftop.core.health.HealthRules;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Review preparation over the demo workspace, whose data was made independently of these rules. */
class DemoWorkspaceReviewTest {

    private static final LocalDate TODAY = LocalDate.of(2021, 5, 3);

    @Test
    void theDemoPortfolioGivesAQueueAndABriefOfEveryCustomer() {
        Dataset demo = DatasetGenerator.demo(TODAY);
        ReviewSource source = new DatasetReviewSource(demo);

        List<ReviewItem> queue = new ReviewQueue(HealthRules.defaults(), ZoneOffset.UTC).build(source, TODAY);
        assertThat(queue).isNotEmpty().isSortedAccordingTo(ReviewQueue.URGENCY);
        assertThat(queue).allSatisfy(item -> assertThat(item.reasons()).isNotEmpty());

        List<Long> all = demo.customers().stream().map(Customer::tpid).toList();
        List<CustomerBrief> briefs = new CustomerBriefs(HealthRules.defaults(), ZoneOffset.UTC).of(all, source, TODAY);
        assertThat(briefs).allSatisfy(brief -> {
            assertThat(brief.opening()).startsWith("Customer " + brief.customerName() + "'s overall health is ");
            for (BriefSection section : BriefSection.values()) {
                assertThat(brief.text(section)).as(brief.customerName() + " " + section).isNotBlank();
            }
        });
    }
}
