package streamlab.lab07;

import java.util.ListResourceBundle;

/** The words of Lab07's --help for the options it shares with other labs ({@link streamlab.support.FileFeedOptions}). */
public final class Lab07Help extends ListResourceBundle {

    @Override
    protected Object[][] getContents() {
        return new Object[][] {
            {"feed.input", "The JSON-lines files to feed (default: datasets/<data>)."},
            {
                "feed.watch",
                "The folder both APIs watch; the files of --input are copied into it (default: output/lab07/incoming/<data>)."
            },
            {"feed.output", "The Parquet folder (default: output/lab07/<data>)."},
        };
    }
}
