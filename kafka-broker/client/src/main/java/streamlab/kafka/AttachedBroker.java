package streamlab.kafka;

/**
 * A broker that this JVM did not start and does not own: the one at the address in the system property
 * {@value KafkaBroker#ATTACH_PROPERTY}, started by whoever launched this JVM (the grader starts one while
 * it compiles a submission). It cannot be stopped or restarted from here, and closing it leaves it running.
 */
final class AttachedBroker implements KafkaBroker {

    private final String bootstrapServers;

    AttachedBroker(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public String kind() {
        return "attached";
    }

    @Override
    public void stop() {
        throw notOwned("stop");
    }

    @Override
    public void kill() {
        throw notOwned("kill");
    }

    @Override
    public void start() {
        throw notOwned("start");
    }

    @Override
    public void close() {
        // its owner stops it
    }

    private UnsupportedOperationException notOwned(String what) {
        return new UnsupportedOperationException("Cannot " + what + " the broker at " + bootstrapServers
                + ": this JVM was given it (" + KafkaBroker.ATTACH_PROPERTY + ") and does not own it.");
    }
}
