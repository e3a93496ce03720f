package ftop.core.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HealthRulesTest {

    /** A complete, valid rules file; tests break one entry at a time. */
    static final String VALID = """
            {
              "name": "FY21",
              "workloads": {
                "EXCHANGE": {"yellow": 0.4, "green": 0.6, "blue": 0.8},
                "ODSP": {"yellow": 0.3, "green": 0.5, "blue": 0.7},
                "WINDOWS_10": {"yellow": 0.3, "green": 0.5, "blue": 0.7},
                "OFFICE_PROPLUS": {"yellow": 0.4, "green": 0.6, "blue": 0.8},
                "AADP": {"yellow": 0.2, "green": 0.4, "blue": 0.6},
                "INTUNE": {"yellow": 0.2, "green": 0.4, "blue": 0.6}
              },
              "groupRule": "WORST_WORKLOAD",
              "groupsRequired": 2,
              "reviewCadence": {"RED": "P14D", "YELLOW": "P14D", "GREEN": "P3M", "BLUE": "P3M"}
            }
            """;

    @Test
    void defaultsCoverEveryWorkloadAndTheSeedCadence() {
        HealthRules rules = HealthRules.defaults();

        for (Workload workload : Workload.values()) {
            assertThat(rules.thresholds(workload)).isNotNull();
        }
        assertThat(rules.groupRule()).isEqualTo(GroupRule.WORST_WORKLOAD);
        assertThat(rules.groupsRequired()).isEqualTo(2);
        assertThat(rules.cadence(HealthColour.RED)).isEqualTo(Period.ofDays(14));
        assertThat(rules.cadence(HealthColour.YELLOW)).isEqualTo(Period.ofDays(14));
        assertThat(rules.cadence(HealthColour.GREEN)).isEqualTo(Period.ofMonths(3));
        assertThat(rules.cadence(HealthColour.BLUE)).isEqualTo(Period.ofMonths(3));
    }

    @Test
    void defaultsComeFromTheShippedFile() {
        assertThat(HealthRules.parse(HealthRules.defaultJson())).isEqualTo(HealthRules.defaults());
    }

    @Test
    void parsesACustomFile() {
        HealthRules rules = HealthRules.parse(VALID.replace("\"EXCHANGE\": {\"yellow\": 0.4, \"green\": 0.6, \"blue\": 0.8}",
                "\"EXCHANGE\": {\"yellow\": 0.25, \"green\": 0.55, \"blue\": 0.9}").replace("\"groupsRequired\": 2", "\"groupsRequired\": 3"));

        assertThat(rules.name()).isEqualTo("FY21");
        assertThat(rules.thresholds(Workload.EXCHANGE)).isEqualTo(new Thresholds(0.25, 0.55, 0.9));
        assertThat(rules.groupsRequired()).isEqualTo(3);
    }

    @Test
    void groupsRequiredDefaultsToTwo() {
        HealthRules rules = HealthRules.parse(VALID.replace("\"groupsRequired\": 2,", ""));

        assertThat(rules.groupsRequired()).isEqualTo(HealthRules.DEFAULT_GROUPS_REQUIRED).isEqualTo(2);
    }

    @Test
    void combinedUsageReadsGroupThresholds() {
        String json = VALID.replace("\"WORST_WORKLOAD\"", "\"COMBINED_USAGE\", \"groups\": {"
                + "\"GROUP_1\": {\"yellow\": 0.35, \"green\": 0.55, \"blue\": 0.75},"
                + "\"GROUP_2\": {\"yellow\": 0.35, \"green\": 0.55, \"blue\": 0.75},"
                + "\"GROUP_3\": {\"yellow\": 0.2, \"green\": 0.4, \"blue\": 0.6}}");

        HealthRules rules = HealthRules.parse(json);

        assertThat(rules.groupRule()).isEqualTo(GroupRule.COMBINED_USAGE);
        assertThat(rules.thresholds(WorkloadGroup.GROUP_3)).isEqualTo(new Thresholds(0.2, 0.4, 0.6));
    }

    @Test
    void toJsonReadsBackToEqualRules() {
        HealthRules rules = HealthRules.parse(VALID);

        assertThat(HealthRules.parse(rules.toJson())).isEqualTo(rules);
        assertThat(HealthRules.parse(HealthRules.defaults().toJson())).isEqualTo(HealthRules.defaults());
    }

    @Test
    void combinedUsageRulesRoundTrip() {
        String json = VALID.replace("\"WORST_WORKLOAD\"", "\"COMBINED_USAGE\", \"groups\": {"
                + "\"GROUP_1\": {\"yellow\": 0.1, \"green\": 0.2, \"blue\": 0.3},"
                + "\"GROUP_2\": {\"yellow\": 0.1, \"green\": 0.2, \"blue\": 0.3},"
                + "\"GROUP_3\": {\"yellow\": 0.1, \"green\": 0.2, \"blue\": 0.3}}");
        HealthRules rules = HealthRules.parse(json);

        assertThat(HealthRules.parse(rules.toJson())).isEqualTo(rules);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // what is broken | text replaced | replacement | entry named in the message
        "ratio above 1 | '\"blue\": 0.7}' | '\"blue\": 1.5}' | workloads.ODSP.blue",
        "negative ratio | '\"EXCHANGE\": {\"yellow\": 0.4' | '\"EXCHANGE\": {\"yellow\": -0.1' | workloads.EXCHANGE.yellow",
        "ratio as text | '\"AADP\": {\"yellow\": 0.2' | '\"AADP\": {\"yellow\": \"20%\"' | workloads.AADP.yellow",
        "thresholds not increasing | '\"INTUNE\": {\"yellow\": 0.2, \"green\": 0.4' | '\"INTUNE\": {\"yellow\": 0.5, \"green\": 0.4' | workloads.INTUNE",
        "equal thresholds | '\"AADP\": {\"yellow\": 0.2, \"green\": 0.4, \"blue\": 0.6}' | '\"AADP\": {\"yellow\": 0.2, \"green\": 0.6, \"blue\": 0.6}' | workloads.AADP",
        "missing threshold | '\"WINDOWS_10\": {\"yellow\": 0.3, ' | '\"WINDOWS_10\": {' | workloads.WINDOWS_10.yellow",
        "unknown top-level field | '\"name\": \"FY21\"' | '\"name\": \"FY21\", \"colours\": 4' | colours",
        "unknown threshold field | '\"blue\": 0.7}' | '\"blue\": 0.7, \"purple\": 0.9}' | workloads.ODSP.purple",
        "unknown workload | '\"INTUNE\"' | '\"TEAMS\"' | workloads.TEAMS",
        "unknown group rule | WORST_WORKLOAD | BEST_WORKLOAD | groupRule",
        "groups with worst-workload rule | '\"groupsRequired\": 2' | '\"groupsRequired\": 2, \"groups\": {}' | groups",
        "groups required out of range | '\"groupsRequired\": 2' | '\"groupsRequired\": 4' | groupsRequired",
        "groups required not whole | '\"groupsRequired\": 2' | '\"groupsRequired\": 1.5' | groupsRequired",
        "unknown cadence colour | '\"BLUE\": \"P3M\"' | '\"PURPLE\": \"P3M\"' | reviewCadence.PURPLE",
        "bad cadence | '\"RED\": \"P14D\"' | '\"RED\": \"two weeks\"' | reviewCadence.RED",
        "zero cadence | '\"RED\": \"P14D\"' | '\"RED\": \"P0D\"' | reviewCadence.RED",
        "cadence as number | '\"RED\": \"P14D\"' | '\"RED\": 14' | reviewCadence.RED",
        "no group rule | '\"groupRule\": \"WORST_WORKLOAD\",' | '' | groupRule"
    })
    void refusesABadFileNamingTheEntry(String what, String from, String to, String path) {
        String json = VALID.replace(from, to);
        assertThat(json).as("test setup for " + what).isNotEqualTo(VALID);

        assertThatThrownBy(() -> HealthRules.parse(json))
                .isInstanceOf(InvalidHealthRulesException.class)
                .hasMessageContaining(path)
                .satisfies(e -> assertThat(((InvalidHealthRulesException) e).path()).isEqualTo(path));
    }

    @Test
    void namesTheMissingWorkload() {
        String json = VALID.replace(",\n    \"INTUNE\": {\"yellow\": 0.2, \"green\": 0.4, \"blue\": 0.6}", "");

        assertThatThrownBy(() -> HealthRules.parse(json))
                .isInstanceOf(InvalidHealthRulesException.class)
                .hasMessage("Health rules, workloads.INTUNE: is missing");
    }

    @Test
    void namesTheMissingCadence() {
        String json = VALID.replace(", \"BLUE\": \"P3M\"", "");

        assertThatThrownBy(() -> HealthRules.parse(json))
                .hasMessage("Health rules, reviewCadence.BLUE: is missing");
    }

    @Test
    void combinedUsageNeedsEveryGroup() {
        String json = VALID.replace("\"WORST_WORKLOAD\"", "\"COMBINED_USAGE\", \"groups\": {"
                + "\"GROUP_1\": {\"yellow\": 0.1, \"green\": 0.2, \"blue\": 0.3}}");

        assertThatThrownBy(() -> HealthRules.parse(json))
                .isInstanceOf(InvalidHealthRulesException.class)
                .hasMessage("Health rules, groups.GROUP_2: is missing");
    }

    @Test
    void refusesTextThatIsNotARulesObject() {
        assertThatThrownBy(() -> HealthRules.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> HealthRules.parse("{ \"name\": ")).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> HealthRules.parse("[1, 2]")).hasMessageContaining("expected a JSON object");
    }

    @Test
    void thresholdsColourInclusiveOfEachBoundary() {
        Thresholds t = new Thresholds(0.4, 0.6, 0.8);

        assertThat(t.colourOf(0.0)).isEqualTo(HealthColour.RED);
        assertThat(t.colourOf(0.3999)).isEqualTo(HealthColour.RED);
        assertThat(t.colourOf(0.4)).isEqualTo(HealthColour.YELLOW);
        assertThat(t.colourOf(0.5999)).isEqualTo(HealthColour.YELLOW);
        assertThat(t.colourOf(0.6)).isEqualTo(HealthColour.GREEN);
        assertThat(t.colourOf(0.8)).isEqualTo(HealthColour.BLUE);
        assertThat(t.colourOf(1.7)).isEqualTo(HealthColour.BLUE);
    }
}
