package streamlab.support.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import streamlab.support.Api;

/** Spark's printed output cut into blocks: what a DStream print() and a console sink write, as they write it. */
class BlockSplitterTest {

    private final List<Block> blocks = new ArrayList<>();

    private void feed(BlockSplitter splitter, long at, String... lines) {
        for (String line : lines) {
            splitter.line(line, at);
        }
    }

    @Test
    void a_dstream_print_is_one_block_with_its_batch_time_and_an_empty_batch_is_one_too() {
        BlockSplitter dstream = new BlockSplitter(Api.DSTREAM, "streaming-job-executor-0", blocks::add);
        feed(
                dstream,
                100,
                BlockSplitter.RULE,
                "Time: 1700000004000 ms",
                BlockSplitter.RULE,
                "(hello,3)",
                "(world,2)",
                "...",
                "");
        feed(dstream, 200, BlockSplitter.RULE, "Time: 1700000006000 ms", BlockSplitter.RULE, "");
        assertThat(blocks)
                .containsExactly(
                        new Block(
                                Api.DSTREAM,
                                "streaming-job-executor-0",
                                1700000004000L,
                                null,
                                "",
                                List.of("(hello,3)", "(world,2)", "..."),
                                100),
                        new Block(Api.DSTREAM, "streaming-job-executor-0", 1700000006000L, null, "", List.of(), 200));
    }

    @Test
    void a_console_sink_table_is_one_block_with_its_micro_batch_number() {
        BlockSplitter query = new BlockSplitter(Api.STRUCTURED, "run-1", blocks::add);
        feed(
                query,
                5,
                BlockSplitter.RULE,
                "Batch: 3",
                BlockSplitter.RULE,
                "+-----+-----+",
                "|word |count|",
                "+-----+-----+",
                "|hello|3    |",
                "+-----+-----+",
                "only showing top 1 row",
                "");
        assertThat(blocks).singleElement().satisfies(block -> {
            assertThat(block.batch()).isEqualTo(3L);
            assertThat(block.time()).isNull();
            assertThat(block.lines())
                    .containsExactly(
                            "+-----+-----+",
                            "|word |count|",
                            "+-----+-----+",
                            "|hello|3    |",
                            "+-----+-----+",
                            "only showing top 1 row");
        });
    }

    @Test
    void a_header_with_more_words_keeps_them_and_a_block_without_an_empty_line_ends_at_the_next_header_or_when_quiet() {
        BlockSplitter listener = new BlockSplitter(Api.STRUCTURED, OutputThreads.QUERY_LISTENERS, blocks::add);
        listener.line("Batch: 4 (Structured) dropped 2 words in this micro-batch", 10);
        listener.line("Batch: 5 (Structured) dropped 0 words in this micro-batch", 20);
        assertThat(blocks).singleElement().satisfies(block -> {
            assertThat(block.batch()).isEqualTo(4L);
            assertThat(block.note()).isEqualTo("(Structured) dropped 2 words in this micro-batch");
        });
        listener.closeIfQuiet(500, 1000);
        assertThat(blocks).hasSize(1); // printed 480 ms ago: maybe more to come
        listener.closeIfQuiet(1020, 1000);
        assertThat(blocks).hasSize(2);
        assertThat(blocks.get(1).batch()).isEqualTo(5L);
    }

    @Test
    void lines_without_a_header_are_a_block_of_their_own() {
        BlockSplitter listener = new BlockSplitter(Api.STRUCTURED, OutputThreads.QUERY_LISTENERS, blocks::add);
        listener.line("== micro-batch 2: 12 rows read, watermark 10:15:00", 7);
        listener.close();
        listener.close();
        assertThat(blocks).singleElement().satisfies(block -> {
            assertThat(block.time()).isNull();
            assertThat(block.batch()).isNull();
            assertThat(block.lines()).containsExactly("== micro-batch 2: 12 rows read, watermark 10:15:00");
            assertThat(block.arrivedAt()).isEqualTo(7);
        });
    }
}
