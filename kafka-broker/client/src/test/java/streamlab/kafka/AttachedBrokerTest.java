package streamlab.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A test JVM given a broker's address uses that broker, and leaves stopping it to its owner. */
class AttachedBrokerTest {

    @AfterEach
    void forgetTheAddress() {
        System.clearProperty(KafkaBroker.ATTACH_PROPERTY);
    }

    @Test
    void the_shared_broker_is_the_one_named_by_the_property_and_this_jvm_cannot_stop_it() {
        System.setProperty(KafkaBroker.ATTACH_PROPERTY, " 127.0.0.1:40123 ");

        KafkaBroker broker = SharedBroker.startBroker();

        assertThat(broker.kind()).isEqualTo("attached");
        assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:40123");
        assertThatThrownBy(broker::kill)
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessage(
                        "Cannot kill the broker at 127.0.0.1:40123: this JVM was given it (streamlab.kafka.bootstrap)"
                                + " and does not own it.");
        broker.close(); // leaves it to its owner: nothing to see, nothing thrown
    }
}
