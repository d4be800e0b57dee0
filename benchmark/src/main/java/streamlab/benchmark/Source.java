package streamlab.benchmark;

import java.util.List;

/** Where the lines come from (--source): the labs' socket stream, or a topic of the lab's own Kafka broker. */
enum Source {
    SOCKET("socket", "lines from netcat-sim on 127.0.0.1", List.of(5000, 20000, 100000, 200000, 500000)),
    KAFKA(
            "kafka",
            "records of a Kafka topic (2 partitions) on the lab's own broker",
            List.of(10000, 100000, 300000, 600000));

    final String name;
    final String what;
    final List<Integer> defaultRates;

    Source(String name, String what, List<Integer> defaultRates) {
        this.name = name;
        this.what = what;
        this.defaultRates = defaultRates;
    }

    /** The picture of latency against rate: {@code latency.png} for the socket, {@code latency-kafka.png}. */
    String latencyPng() {
        return this == SOCKET ? "latency.png" : "latency-" + name + ".png";
    }
}
