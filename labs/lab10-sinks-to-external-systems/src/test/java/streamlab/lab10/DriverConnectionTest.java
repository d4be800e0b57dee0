package streamlab.lab10;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.NotSerializableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import streamlab.harness.DStreamScript;
import streamlab.harness.TestSpark;

/**
 * Version 1 of the course notes' "design patterns for using foreachRDD", shown with Spark's own error: a
 * connection made on the driver cannot be used in {@code rdd.foreach}. Given code, not graded: it calls
 * none of your exercises. Run it with
 * {@code ./mvnw -q test -pl labs/lab10-sinks-to-external-systems -Dtest=DriverConnectionTest}.
 */
class DriverConnectionTest {

    @RegisterExtension
    final LabDatabase database = LabDatabase.create();

    @AfterEach
    void stop_everything() {
        TestSpark.stopEverythingRunning();
    }

    @Test
    void a_connection_made_on_the_driver_cannot_be_shipped_to_the_tasks() {
        DbSettings db = database.counts();
        assertThatThrownBy(() -> DStreamScript.lines(List.of("hello world"))
                        .title("version 1: a connection made on the driver, used in rdd.foreach")
                        .runPairs(lines -> {
                            JavaPairDStream<String, Long> counts = Lab10DStreamTest.counts(lines);
                            counts.foreachRDD((rdd, time) -> {
                                Connection connection = Connections.open(db); // runs on the driver
                                rdd.foreach(
                                        record -> { // runs in the tasks, elsewhere
                                            try (PreparedStatement insert =
                                                    connection.prepareStatement(WordTables.insertSql(db.table()))) {
                                                insert.setLong(1, time.milliseconds());
                                                insert.setString(2, record._1());
                                                insert.setLong(3, record._2());
                                                insert.executeUpdate();
                                            }
                                        });
                                connection.close();
                            });
                            return counts;
                        }))
                .hasMessageContaining("Task not serializable")
                .rootCause()
                .isInstanceOf(NotSerializableException.class)
                .hasMessageContaining("org.h2.jdbc.JdbcConnection");
        // Spark refused before any task ran: nothing was written, and the connection was never closed
        assertThat(Connections.opened(db))
                .as("connections opened on the driver")
                .isEqualTo(1);
    }
}
