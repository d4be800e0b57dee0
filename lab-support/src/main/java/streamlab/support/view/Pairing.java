package streamlab.support.view;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import streamlab.support.Api;

/**
 * Puts the blocks of the two APIs into rows by batch time and hands each row on once it is complete, in
 * time order. A row waits for the DStream until it has printed that time or a later one, and for the
 * Structured query until it has a block in the row or a later one, as long as a micro-batch of the row may
 * still begin or one is running; then, when nothing more came for a moment, the row is complete. No row waits longer
 * than {@link #MAX_WAIT_MILLIS} (or two DStream output intervals). A block for a time whose row was shown
 * already makes a late row of its own.
 */
public final class Pairing {

    /** How long a complete row waits for more blocks of the same time (a second print, a second query). */
    public static final long QUIET_MILLIS = 500;
    /** How long a row waits for a micro-batch to begin, after the last moment that would put it in the row. */
    public static final long GRACE_MILLIS = 1000;
    /** How long a row waits at most. */
    public static final long MAX_WAIT_MILLIS = 10_000;

    private final Consumer<Row> rows;
    private final BooleanSupplier microBatchRunning;
    private final TreeMap<Long, Pending> pending = new TreeMap<>();
    private final Map<Api, Long> latest = new EnumMap<>(Api.class);
    private final Set<Api> running = EnumSet.noneOf(Api.class);
    private long shownUpTo = Long.MIN_VALUE;
    private long maxWait = MAX_WAIT_MILLIS;
    private long halfEvery;

    /**
     * @param rows              where complete rows go
     * @param microBatchRunning whether a Structured query is running a micro-batch now
     */
    public Pairing(Consumer<Row> rows, BooleanSupplier microBatchRunning) {
        this.rows = rows;
        this.microBatchRunning = microBatchRunning;
    }

    /** An API whose part runs: rows wait for its blocks. */
    public void expect(Api api) {
        running.add(api);
    }

    /**
     * How often the DStream prints: a micro-batch that begins up to half of this after a row's time belongs
     * to the row, and a row waits at most two of these intervals (at least {@link #MAX_WAIT_MILLIS}).
     */
    public void dstreamEvery(long millis) {
        maxWait = Math.max(MAX_WAIT_MILLIS, 2 * millis);
        halfEvery = millis / 2;
    }

    /** The APIs whose parts did start (an exercise not written yet is skipped): rows wait for these only. */
    public void expectOnly(Set<Api> apis, long now) {
        running.retainAll(apis);
        showComplete(now);
    }

    /** Adds a block at {@code now} (epoch milliseconds), and shows what is complete. */
    public void add(Placed placed, long now) {
        Api api = placed.block().api();
        latest.merge(api, placed.slot(), Math::max);
        if (placed.slot() <= shownUpTo) {
            rows.accept(
                    api == Api.DSTREAM
                            ? new Row(placed.slot(), List.of(placed), List.of(), true)
                            : new Row(placed.slot(), List.of(), List.of(placed), true));
            return;
        }
        pending.computeIfAbsent(placed.slot(), slot -> new Pending(now)).add(placed, now);
        showComplete(now);
    }

    /** Shows the rows that are complete at {@code now}. */
    public void showComplete(long now) {
        while (!pending.isEmpty()) {
            Map.Entry<Long, Pending> first = pending.firstEntry();
            if (!complete(first.getKey(), first.getValue(), now)) {
                return;
            }
            show(first.getKey());
        }
    }

    /** Shows every row still waiting (at the end of a run). */
    public void showAll() {
        while (!pending.isEmpty()) {
            show(pending.firstKey());
        }
    }

    private boolean complete(long slot, Pending row, long now) {
        if (now - row.firstAt >= maxWait) {
            return true;
        }
        boolean dstreamMissing = running.contains(Api.DSTREAM) && latest(Api.DSTREAM) < slot;
        boolean structuredMissing = running.contains(Api.STRUCTURED)
                && row.structured.isEmpty()
                && latest(Api.STRUCTURED) <= slot
                && (now < slot + halfEvery + GRACE_MILLIS || microBatchRunning.getAsBoolean());
        return !dstreamMissing && !structuredMissing && now - row.lastAt >= QUIET_MILLIS;
    }

    private long latest(Api api) {
        return latest.getOrDefault(api, Long.MIN_VALUE);
    }

    private void show(long slot) {
        Pending row = pending.remove(slot);
        shownUpTo = Math.max(shownUpTo, slot);
        rows.accept(new Row(slot, row.of(Api.DSTREAM), row.of(Api.STRUCTURED), false));
    }

    private static final class Pending {
        final long firstAt;
        long lastAt;
        final List<Placed> dstream = new ArrayList<>();
        final List<Placed> structured = new ArrayList<>();

        Pending(long now) {
            this.firstAt = now;
        }

        void add(Placed placed, long now) {
            (placed.block().api() == Api.DSTREAM ? dstream : structured).add(placed);
            lastAt = now;
        }

        List<Placed> of(Api api) {
            return api == Api.DSTREAM ? dstream : structured;
        }
    }
}
