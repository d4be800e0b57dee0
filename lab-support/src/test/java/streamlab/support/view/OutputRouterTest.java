package streamlab.support.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** System.out through the router: byte for byte while nothing is routed, else whole lines with their thread. */
class OutputRouterTest {

    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final PrintStream terminal = new PrintStream(screen, true, StandardCharsets.UTF_8);
    private PrintStream before;
    private OutputRouter router;

    @BeforeEach
    void install() {
        before = System.out;
        System.setOut(terminal);
        router = OutputRouter.install();
    }

    @AfterEach
    void uninstall() {
        router.uninstall();
        System.setOut(before);
    }

    @Test
    void unrouted_output_reaches_the_terminal_unchanged_and_a_second_install_keeps_the_first_router() {
        System.out.print("half a line, ");
        System.out.println("the rest");
        assertThat(screen.toString(StandardCharsets.UTF_8)).isEqualTo("half a line, the rest" + System.lineSeparator());
        assertThat(OutputRouter.install()).isSameAs(router);
    }

    @Test
    void routed_lines_come_whole_with_the_name_of_the_thread_that_printed_them() throws InterruptedException {
        List<String> lines = new CopyOnWriteArrayList<>();
        router.route((thread, text) -> lines.add(thread + ": " + text));
        Thread job = new Thread(
                () -> {
                    System.out.print("(hello,");
                    System.out.println("3)");
                    System.out.println("two\nlines");
                },
                "streaming-job-executor-0");
        job.start();
        job.join();
        System.out.println("== running");
        assertThat(lines)
                .containsExactly(
                        "streaming-job-executor-0: (hello,3)",
                        "streaming-job-executor-0: two",
                        "streaming-job-executor-0: lines",
                        Thread.currentThread().getName() + ": == running");
        assertThat(screen.size()).isZero();
        router.uninstall();
        assertThat(System.out).isSameAs(terminal);
    }

    @Test
    void the_threads_of_each_api() {
        assertThat(OutputThreads.apiOf("streaming-job-executor-0")).isEqualTo(streamlab.support.Api.DSTREAM);
        String query = "stream execution thread for lengths [id = 0c5d3d52-7c1a-4b8e-9a3e-111111111111,"
                + " runId = 4a6f0b8e-2f4c-4f0e-8d55-222222222222]";
        assertThat(OutputThreads.apiOf(query)).isEqualTo(streamlab.support.Api.STRUCTURED);
        assertThat(OutputThreads.runIdOf(query)).isEqualTo("4a6f0b8e-2f4c-4f0e-8d55-222222222222");
        assertThat(OutputThreads.apiOf(OutputThreads.QUERY_LISTENERS)).isEqualTo(streamlab.support.Api.STRUCTURED);
        assertThat(OutputThreads.runIdOf(OutputThreads.QUERY_LISTENERS)).isNull();
        assertThat(OutputThreads.apiOf("main")).isNull();
    }
}
