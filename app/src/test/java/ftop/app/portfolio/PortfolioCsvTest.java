package ftop.app.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import ftop.app.AppFixtures;
import ftop.core.csv.CsvWriter;
import ftop.core.dataset.Dataset;
import ftop.core.health.HealthRules;
import ftop.core.validation.Contoso;

class PortfolioCsvTest {

    private final Dataset data = AppFixtures.dataset();
    private final PortfolioRows.Portfolio portfolio = PortfolioRows.build(new PortfolioRows.Source(data.customers(),
            data.tenants(), data.health(), data.usage(), data.assignments(), data.users(), HealthRules.defaults(),
            Contoso.FM.userId()), AppFixtures.TODAY);

    @Test
    void customersAreWrittenWithTheColumnsOfTheTable() {
        String[] lines = PortfolioCsv.customers(portfolio.customers()).split("\r\n");

        assertThat(lines[0]).isEqualTo(PortfolioCsv.CUSTOMER_HEADER);
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).startsWith(Contoso.TPID + ",Contoso," + Contoso.CUSTOMER.segment().label()
                + ",Yellow,Green,Red,Yellow,In Progress,");
        assertThat(lines[1]).endsWith(",Megan Bowen,2,Yes,Yes");
        assertThat(lines[2]).contains(",Fabrikam,").contains(",No data,No data,No data,No data,,,Yes,");
    }

    @Test
    void tenantsAreWrittenWithTheirFlags() {
        List<String> lines = List.of(PortfolioCsv.tenants(portfolio.tenants()).split("\r\n"));

        assertThat(lines.get(0)).isEqualTo(PortfolioCsv.TENANT_HEADER);
        assertThat(lines.get(1)).isEqualTo(Contoso.WINNER_TENANT_ID + ",contoso.onmicrosoft.com," + Contoso.TPID
                + ",Contoso,Yes,Yes,2020-04-02,Level 4,80000,Megan Bowen,Commerce feed");
        assertThat(lines.get(2)).contains(",contosolabs.onmicrosoft.com,").contains(",No,No,,No,1200,,Tenant exception")
                .doesNotContain("Level");
    }

    @Test
    void fieldsAreQuotedAndFormulasDefused() {
        assertThat(CsvWriter.cell("plain")).isEqualTo("plain");
        assertThat(CsvWriter.cell("Retail, Consumer")).isEqualTo("\"Retail, Consumer\"");
        assertThat(CsvWriter.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvWriter.cell("=SUM(A1)")).isEqualTo("'=SUM(A1)");
        assertThat(CsvWriter.cell("-42")).isEqualTo("-42");
        assertThat(CsvWriter.cell(null)).isEmpty();
    }
}
