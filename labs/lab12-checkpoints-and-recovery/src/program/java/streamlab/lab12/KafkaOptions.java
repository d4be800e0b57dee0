package streamlab.lab12;

import picocli.CommandLine.Option;

/** The options of Lab12's kafka and direct pipelines (a picocli mixin): the broker and the topics. */
final class KafkaOptions {

    @Option(
            names = "--bootstrap-servers",
            paramLabel = "HOST:PORT",
            description =
                    "kafka, direct: a broker of your own (default: the program starts one, its data in output/lab12/kafka-broker).")
    String bootstrapServers;

    @Option(
            names = "--input-topic",
            defaultValue = "lab12-events",
            description = "kafka, direct (default: ${DEFAULT-VALUE}).")
    String inputTopic;

    @Option(names = "--output-topic", defaultValue = "lab12-alerts", description = "kafka (default: ${DEFAULT-VALUE}).")
    String outputTopic;
}
