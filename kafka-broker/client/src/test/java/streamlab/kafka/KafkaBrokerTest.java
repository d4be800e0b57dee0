package streamlab.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The broker keeps what it was sent across a clean stop and across a crash, on the same address. */
@ExtendWith(SharedBroker.class)
class KafkaBrokerTest {

    @Test
    void records_written_are_read_back_partition_by_partition(KafkaBroker broker) {
        Topics topics = new Topics(broker);
        topics.create("letters", 2);
        topics.send(List.of(
                new ProducerRecord<>("letters", 0, "k1", "a"),
                new ProducerRecord<>("letters", 1, "k2", "b"),
                new ProducerRecord<>("letters", 0, "k3", "c")));

        assertThat(topics.readAll("letters"))
                .extracting(r -> r.partition() + ":" + r.offset() + ":" + r.key() + "=" + r.value())
                .containsExactly("0:0:k1=a", "0:1:k3=c", "1:0:k2=b");
    }

    @Test
    void a_stopped_and_a_killed_broker_come_back_on_the_same_address_with_their_records(KafkaBroker broker) {
        Topics topics = new Topics(broker);
        String address = broker.bootstrapServers();
        topics.create("kept", 1);
        topics.sendValues("kept", 0, List.of("before stop"));

        broker.stop();
        broker.start();
        topics.sendValues("kept", 0, List.of("before kill"));
        broker.kill();
        broker.start();

        assertThat(broker.bootstrapServers()).isEqualTo(address);
        assertThat(topics.values("kept")).containsExactly("before stop", "before kill");
    }
}
