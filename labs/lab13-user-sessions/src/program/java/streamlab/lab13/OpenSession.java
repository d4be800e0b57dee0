package streamlab.lab13;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Given: the state of a user's open session in the DStream exercise: how many clicks so far and the page
 * of each. Immutable: {@link #plus} gives a new session and leaves this one as it was, which is what
 * {@code State.update} needs (Spark keeps the state of earlier batches until they are checkpointed).
 */
public record OpenSession(long clicks, List<String> pages) implements Serializable {

    /** A session before its first click. */
    public static final OpenSession NONE = new OpenSession(0, List.of());

    public OpenSession {
        pages = List.copyOf(pages);
    }

    /** This session with one more click, on {@code page}. */
    public OpenSession plus(String page) {
        List<String> more = new ArrayList<>(pages);
        more.add(page);
        return new OpenSession(clicks + 1, more);
    }

    /** Its pages as the lab writes them ({@link Clicks#pagesText}): each once, sorted. */
    public String pagesText() {
        return Clicks.pagesText(pages);
    }
}
