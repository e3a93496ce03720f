package ftop.core.csv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormulaGuardTest {

    @Test
    void everyCellASpreadsheetWouldRunGetsAnApostrophe() {
        assertThat(FormulaGuard.neutralise("=SUM(A1)")).isEqualTo("'=SUM(A1)");
        assertThat(FormulaGuard.neutralise("+cmd|' /C calc'!A0")).isEqualTo("'+cmd|' /C calc'!A0");
        assertThat(FormulaGuard.neutralise("-2+3")).isEqualTo("'-2+3");
        assertThat(FormulaGuard.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(FormulaGuard.neutralise("\t=1")).isEqualTo("'\t=1");
        assertThat(FormulaGuard.neutralise("\r=1")).isEqualTo("'\r=1");
    }

    @Test
    void plainNumbersAndOrdinaryTextStayAsTheyAre() {
        assertThat(FormulaGuard.neutralise("-42")).isEqualTo("-42");
        assertThat(FormulaGuard.neutralise("+3.5")).isEqualTo("+3.5");
        assertThat(FormulaGuard.neutralise("Contoso = good")).isEqualTo("Contoso = good");
        assertThat(FormulaGuard.neutralise("")).isEmpty();
        assertThat(FormulaGuard.neutralise("'quoted")).isEqualTo("'quoted");
    }

    @Test
    void restoreTakesOffOnlyTheGuard() {
        assertThat(FormulaGuard.restore("'=SUM(A1)")).isEqualTo("=SUM(A1)");
        assertThat(FormulaGuard.restore("'\t=1")).isEqualTo("\t=1");
        assertThat(FormulaGuard.restore("'plain")).isEqualTo("'plain");
        assertThat(FormulaGuard.restore("'")).isEqualTo("'");
        assertThat(FormulaGuard.restore("=x")).isEqualTo("=x");
    }
}
