package streamlab.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code --view web} end to end: a window program in a process of its own replays a few lines, and Debian's
 * chromium, headless, opens the page it prints and watches it fill. Skipped where no browser is installed
 * ({@code apt-get install chromium chromium-driver}).
 */
class SideBySideWebTest {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final List<String> TEXT = List.of("alpha", "beta", "alpha", "gamma");
    private static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final Pattern ALPHA_TWICE =
            Pattern.compile("\\|\\d\\d:\\d\\d:\\d\\d-\\d\\d:\\d\\d:\\d\\d\\|alpha\\s*\\|2\\s*\\|");

    private WebDriver browser;

    @BeforeEach
    void browser(@TempDir Path profile) {
        assumeTrue(
                CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(),
                "no browser: the web view is tested with Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM)
                .addArguments(
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--user-data-dir=" + profile,
                        "--window-size=1400,1000");
        browser = new ChromeDriver(driver, options);
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void the_page_shows_the_lines_both_apis_side_by_side_and_the_windows_of_each(@TempDir Path dir) throws Exception {
        Path text = dir.resolve("text.txt");
        Files.write(text, TEXT);
        try (LabProcess lab = LabProcess.start(
                WindowLab.class,
                Map.of("COLUMNS", "160"),
                "--view",
                "web",
                "--replay",
                text.toString(),
                "--rate",
                "8",
                "--port",
                "0",
                "--seconds",
                "120")) {
            String url = lab.awaitLine(line -> line.contains("side by side: http://127.0.0.1:"), PATIENCE)
                    .map(line -> line.substring(line.indexOf("http://127.0.0.1:")))
                    .orElseThrow(
                            () -> new AssertionError("no address of the page: " + lab.lines() + "\n" + lab.errors()));
            browser.get(url);
            WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
            wait.until(page -> texts(page, "#title").equals(List.of("Window lab")));

            // the input lines, each with its arrival time, newest first
            wait.until(page -> texts(page, "#lines li").size() == TEXT.size());
            assertThat(texts(browser, "#lines li"))
                    .allMatch(line -> line.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3}  \\w+"))
                    .extracting(line -> line.substring(14))
                    .containsExactly("gamma", "alpha", "beta", "alpha");

            // each API's result in its own column: a DStream window and an event-time window that count alpha twice
            wait.until(page -> cells(page, "dstream").contains("(alpha,2)"));
            wait.until(page -> ALPHA_TWICE.matcher(cells(page, "structured")).find());
            assertThat(cells(browser, "dstream")).doesNotContain("|alpha");
            assertThat(cells(browser, "structured")).doesNotContain("(alpha,");
            assertThat(texts(
                            browser,
                            "#rows .row",
                            "row => ['.cell.dstream', '.cell.structured']"
                                    + ".map(cell => row.querySelector(cell)?.innerText ?? '').join('\\n--\\n')"))
                    .as("a row with a DStream batch and a micro-batch side by side")
                    .anyMatch(row -> row.startsWith("DStream batch ") && row.contains("\n--\nStructured micro-batch "));

            // the timeline: every line once, and the windows of both APIs that hold them
            wait.until(page -> !texts(page, "#timeline .dstream-window").isEmpty()
                    && !texts(page, "#timeline .structured-window").isEmpty());
            assertThat(browser.findElement(By.id("timeline-section")).isDisplayed())
                    .isTrue();
            assertThat(texts(browser, "#timeline .input-line")).hasSize(TEXT.size());
            for (String api : List.of("dstream", "structured")) {
                wait.until(page -> texts(page, "#timeline ." + api + "-count")
                        .contains("4 lines")); // a window that holds every line
            }
            assertThat(browser.findElement(By.id("legend")).getText())
                    .contains("DStream: windows of 4 s every 2 s, made of whole batches of 1 s");
        }
    }

    /** The text of every cell of one API's column. */
    private static String cells(WebDriver page, String api) {
        return String.join("\n", texts(page, "#rows .cell." + api)) + "\n";
    }

    /** The text of every element the selector finds. */
    private static List<String> texts(WebDriver page, String selector) {
        return texts(page, selector, "element => element.innerText ?? element.textContent"); // SVG has no innerText
    }

    /**
     * What {@code read} (a JavaScript function of one element) gives for every element the selector finds, all read
     * in one script: the page redraws as results arrive, and an element found in one call may be gone by the next.
     */
    private static List<String> texts(WebDriver page, String selector, String read) {
        Object texts = ((JavascriptExecutor) page)
                .executeScript("return Array.from(document.querySelectorAll(arguments[0]), " + read + ");", selector);
        return ((List<?>) texts).stream().map(String::valueOf).toList();
    }
}
