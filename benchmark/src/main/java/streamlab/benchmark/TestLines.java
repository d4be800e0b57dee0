package streamlab.benchmark;

/**
 * The lines the benchmark sends: ordinary sentences, some of them ending with a marker word that occurs nowhere
 * else ({@code marker1200}), whose count shows when that line has made it through the query. About
 * {@code markersPerSecond} lines a second carry one, whatever the rate, so that the extra distinct words (one per
 * marker) stay few next to the ordinary ones.
 */
final class TestLines {

    private static final String[] SENTENCES = {
        "the quick brown fox jumps over the lazy dog",
        "to be or not to be that is the question",
        "all the world is a stage and all the men and women merely players",
        "a stream of lines becomes a table of words",
    };

    private final long markerEvery;

    TestLines(int linesPerSecond, int markersPerSecond) {
        this.markerEvery = Math.max(1, Math.round((double) linesPerSecond / markersPerSecond));
    }

    /** Whether line number {@code n} (from 0) carries a marker. */
    boolean marked(long n) {
        return n % markerEvery == 0;
    }

    /** The text of line number {@code n}. */
    String line(long n) {
        String sentence = SENTENCES[(int) (n % SENTENCES.length)];
        return marked(n) ? sentence + " " + marker(n) : sentence;
    }

    /** The marker word of line number {@code n}. */
    static String marker(long n) {
        return Markers.PREFIX + n;
    }
}
