package streamlab.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The labs' tokenization rule gives the same words in both APIs, on every kind of awkward line. */
class TokensTest {

    private static final List<String> AWKWARD = List.of(
            "Hello world over there",
            "Hello,  hello\tWORLD!",
            "",
            "   \t  ",
            "world... HELLO?",
            "Don't stop: 42 cafés in Straße 7",
            "東京 Κόσμε ПРИВЕТ мир",
            "'quoted' words -- and dashes",
            "x".repeat(5000) + " y");

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        // lower() as the labs and the tests run it
        spark = SparkSession.builder()
                .config(LabSpark.javaCaseMapping(new SparkConf(false)))
                .master("local[1]")
                .appName("tokens-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "1")
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void splits_lower_cased_words_and_drops_the_empty_ones() {
        assertThat(Tokens.split("Hello,  hello\tWORLD!")).containsExactly("hello", "hello", "world");
        assertThat(Tokens.split("")).isEmpty();
        assertThat(Tokens.split("   \t ")).isEmpty();
        assertThat(Tokens.split(null)).isEmpty();
        assertThat(Tokens.split("Don't stop: 42 cafés in Straße 7"))
                .containsExactly("don't", "stop", "42", "cafés", "in", "straße", "7");
    }

    @Test
    void the_structured_rule_gives_the_same_words_as_the_dstream_rule() {
        List<String> expected = new ArrayList<>();
        for (String line : AWKWARD) {
            expected.addAll(Tokens.split(line));
        }
        List<Row> rows = Tokens.words(
                        spark.createDataset(AWKWARD, Encoders.STRING()).toDF())
                .collectAsList();
        List<String> actual =
                rows.stream().map(r -> r.getString(r.fieldIndex("word"))).toList();
        assertThat(actual).containsExactlyElementsOf(expected);
    }
}
