package ftop.core.health;

/**
 * The active/entitled ratios at which usage turns Yellow, Green and Blue; below {@code yellow}
 * it is Red. Each ratio is reached inclusively: a ratio equal to {@code green} is Green.
 *
 * @param yellow ratio from which usage is Yellow, 0 to 1
 * @param green  ratio from which usage is Green, above {@code yellow}
 * @param blue   ratio from which usage is Blue, above {@code green}
 */
public record Thresholds(double yellow, double green, double blue) {

    /**
     * @throws InvalidHealthRulesException when a ratio is outside 0..1 or the ratios do not
     *                                     increase from Yellow to Blue
     */
    public Thresholds {
        check("yellow", yellow);
        check("green", green);
        check("blue", blue);
        if (!(yellow < green && green < blue)) {
            throw new InvalidHealthRulesException("",
                    "thresholds must increase from yellow to green to blue, but are yellow " + yellow
                            + ", green " + green + ", blue " + blue);
        }
    }

    private static void check(String name, double ratio) {
        if (Double.isNaN(ratio) || ratio < 0 || ratio > 1) {
            throw new InvalidHealthRulesException(name, name + " must be a ratio from 0 to 1, not " + ratio);
        }
    }

    /** The colour of usage at {@code ratio} (active over entitled). */
    public HealthColour colourOf(double ratio) {
        if (ratio >= blue) {
            return HealthColour.BLUE;
        } else if (ratio >= green) {
            return HealthColour.GREEN;
        } else if (ratio >= yellow) {
            return HealthColour.YELLOW;
        }
        return HealthColour.RED;
    }

    /** The ratio from which {@code colour} is reached; 0 for Red. */
    public double from(HealthColour colour) {
        return switch (colour) {
            case RED -> 0;
            case YELLOW -> yellow;
            case GREEN -> green;
            case BLUE -> blue;
        };
    }
}
