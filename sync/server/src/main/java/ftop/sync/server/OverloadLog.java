package ftop.sync.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The log of requests answered 503 "busy" for want of a database connection, kept readable under
 * overload: the first refusal is logged at once, then at most one line per {@link #INTERVAL} says
 * how many more there were. A line per refusal (thousands a second when it matters) buried
 * everything else in the log and cost the overloaded server time of its own; the exact count per
 * route is in the metrics ({@code ftop.requests} by status).
 */
final class OverloadLog {

    /** The least time between two lines. */
    static final Duration INTERVAL = Duration.ofSeconds(10);

    private final Clock clock;
    private final Consumer<String> sink;
    private Instant lastLine;
    private long since;

    OverloadLog(Clock clock, Consumer<String> sink) {
        this.clock = clock;
        this.sink = sink;
    }

    /** Notes that {@code request} (e.g. {@code "GET /api/v1/changes"}) was answered busy, for {@code reason}. */
    void refused(String request, String reason) {
        String line;
        synchronized (this) {
            since++;
            Instant now = clock.instant();
            if (lastLine != null && now.isBefore(lastLine.plus(INTERVAL))) {
                return;
            }
            line = since == 1
                    ? "Request " + request + " answered busy: " + reason
                    : since + " requests answered busy since " + lastLine + ", the last " + request + ": " + reason;
            lastLine = now;
            since = 0;
        }
        sink.accept(line);
    }
}
