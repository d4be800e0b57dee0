package streamlab.support.view;

/**
 * A time window, in epoch milliseconds: {@code [start, end)} for an event-time window, {@code (start, end]}
 * for the batches of a DStream window.
 */
public record Span(long start, long end) {}
