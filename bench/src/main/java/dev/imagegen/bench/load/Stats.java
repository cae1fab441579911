package dev.imagegen.bench.load;

import java.util.Arrays;

/** Order statistics of a sample of numbers. */
final class Stats {

    private final double[] sorted;

    Stats(double[] values) {
        sorted = values.clone();
        Arrays.sort(sorted);
    }

    int count() {
        return sorted.length;
    }

    /** The value at or below which the fraction {@code p} of the sample lies (nearest rank). */
    double at(double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    double max() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
    }

    /** "median m, p99 n, max x" with the given format for each number. */
    String summary(String format) {
        return "median " + String.format(format, at(0.5)) + ", p99 " + String.format(format, at(0.99)) + ", max "
                + String.format(format, max());
    }
}
