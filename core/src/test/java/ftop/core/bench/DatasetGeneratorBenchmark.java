package ftop.core.bench;

import ftop.core.dataset.Dataset;
import ftop.core.dataset.DatasetGenerator;
import ftop.core.dataset.DatasetGenerator.Scale;
import ftop.core.dataset.DatasetValidationContext;
import ftop.core.validation.ValidationContext;
import ftop.core.validation.Validator;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How long the generator takes: the S1500 cold and warm (target: under 2 s warm), validating every
 * S1500 row, and the server-size set both whole and in chunks (with the heap each needs). Prints its
 * figures.
 *
 * <pre>
 * ./mvnw -q -pl core test-compile exec:java -Dexec.skip=false -Dexec.classpathScope=test \
 *     -Dexec.mainClass=ftop.core.bench.DatasetGeneratorBenchmark
 * </pre>
 */
public final class DatasetGeneratorBenchmark {

    private static final LocalDate TODAY = LocalDate.of(2021, 5, 3);

    private DatasetGeneratorBenchmark() {
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        Dataset s1500 = DatasetGenerator.generate(Scale.S1500, 1, TODAY);
        System.out.printf("S1500 generate, cold: %d ms for %,d rows%n", millisSince(start), s1500.size());

        long best = Long.MAX_VALUE;
        for (int run = 0; run < 5; run++) {
            start = System.nanoTime();
            DatasetGenerator.generate(Scale.S1500, 2 + run, TODAY);
            best = Math.min(best, millisSince(start));
        }
        System.out.printf("S1500 generate, warm: best of 5 %d ms (target < 2,000 ms)%n", best);

        start = System.nanoTime();
        ValidationContext context = DatasetValidationContext.of(s1500, TODAY);
        int problems = 0;
        for (List<?> rows : s1500.byKind().values()) {
            for (Object row : rows) {
                problems += Validator.validate(row, context).size();
            }
        }
        System.out.printf("S1500 validate every row: %d ms, %d problems%n", millisSince(start), problems);
        s1500 = null;

        System.gc();
        long heapBefore = usedHeap();
        start = System.nanoTime();
        Dataset server = DatasetGenerator.generate(Scale.SERVER, 1, TODAY);
        long serverMillis = millisSince(start);
        System.gc();
        System.out.printf("SERVER generate whole: %d ms for %,d rows, %,d MB held%n", serverMillis, server.size(),
                (usedHeap() - heapBefore) >> 20);
        server = null;

        System.gc();
        AtomicInteger chunks = new AtomicInteger();
        AtomicLong rows = new AtomicLong();
        start = System.nanoTime();
        DatasetGenerator.generate(Scale.SERVER, 1, TODAY, 1_000, chunk -> {
            chunks.incrementAndGet();
            rows.addAndGet(chunk.size());
        });
        System.out.printf("SERVER generate in chunks of 1,000 customers: %d ms for %,d rows in %d chunks%n",
                millisSince(start), rows.get(), chunks.get());
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
