package streamlab.lab10;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import streamlab.support.LabMain;

/**
 * The program's answer to a database it cannot use: one sentence and exit status 2, before Spark starts.
 * Given code, not graded: it calls none of your exercises.
 */
class Lab10ProgramTest {

    private record ProgramExit(int exit, String err) {}

    private static ProgramExit run(String... args) {
        PrintStream err = System.err;
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (PrintStream to = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setErr(to);
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            int exit = LabMain.exitCode(new Lab10(), args);
            return new ProgramExit(
                    exit, captured.toString(StandardCharsets.UTF_8).strip());
        } finally {
            System.setErr(err);
            System.setOut(out);
        }
    }

    private static void assertOneSentence(ProgramExit result, String start) {
        assertThat(result.exit())
                .as("exit status; the error stream said: %s", result.err())
                .isEqualTo(2);
        assertThat(result.err()).startsWith(start).doesNotContain("\n").doesNotContain("\tat ");
    }

    @Test
    void a_database_that_does_not_answer() {
        assertOneSentence(
                run("--jdbc-url", "jdbc:postgresql://127.0.0.1:1/streamlab", "--user", "streamlab"),
                "Cannot reach the database at jdbc:postgresql://127.0.0.1:1/streamlab: Connection to 127.0.0.1:1 refused");
    }

    @Test
    void a_wrong_password() throws Exception {
        String url = "jdbc:h2:mem:lab10-" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1";
        try (Connection creator = DriverManager.getConnection(url, "lab", "right")) { // the first login makes the user
            assertOneSentence(
                    run("--jdbc-url", url, "--user", "lab", "--password", "wrong"),
                    "The database at " + url + " refused user lab: Wrong user name or password");
            creator.createStatement().execute("SHUTDOWN");
        }
    }

    @Test
    void a_missing_table() throws Exception {
        String url = "jdbc:h2:mem:lab10-" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1";
        try (Connection keeper = DriverManager.getConnection(url, "sa", "")) {
            assertOneSentence(
                    run("--jdbc-url", url, "--user", "sa", "--api", "structured"),
                    "The table word_counts_structured does not exist in " + url
                            + " (create it, or start the program with --create-tables).");
            keeper.createStatement().execute("SHUTDOWN");
        }
    }

    @Test
    void a_url_no_driver_here_accepts_and_a_table_name_that_is_not_one() {
        assertOneSentence(run("--jdbc-url", "jdbc:mysql://localhost/streamlab"), "No JDBC driver here accepts");
        assertOneSentence(
                run("--jdbc-url", "localhost:5432/streamlab"), "--jdbc-url localhost:5432/streamlab is not a JDBC URL");
        assertOneSentence(
                run("--table", "counts; DROP TABLE users"), "--table counts; DROP TABLE users: a table name is");
    }
}
