package streamlab.grading;

import java.lang.management.ManagementFactory;

/**
 * What the machine (or the container) gives the grader, as the JVM sees it (a container's CPU quota and
 * memory limit included), and the grading settings that fit it: two grading JVMs with 2 GB heaps each on a
 * machine with 2 cores and memory to spare; one smaller JVM in a small container such as Gradescope's
 * (half a CPU, 768 MB).
 */
final class MachineSize {

    private static final long MB = 1024 * 1024;

    private MachineSize() {}

    static int cpus() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** The memory of the machine, or of the container when it has a limit. */
    static long memoryMb() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize() / MB;
        }
        return 8192;
    }

    /** A container such as a grading platform's: less than 4 GB. */
    static boolean small() {
        return memoryMb() < 4096;
    }

    /** How many grading JVMs share a submission's labs by default. */
    static int jvms() {
        return jvms(cpus(), memoryMb());
    }

    static int jvms(int cpus, long memoryMb) {
        return cpus >= 2 && memoryMb >= 4096 ? 2 : 1;
    }

    /** The heap of a grading JVM: 2 GB where there is room, else what leaves the grader and a broker room. */
    static String gradingHeap() {
        return gradingHeap(memoryMb());
    }

    static String gradingHeap(long memoryMb) {
        if (memoryMb >= 4096) {
            return "2g";
        }
        // Spark's local mode wants at least 450 MB of heap
        return Math.max(512, Math.min(2048, memoryMb * 45 / 100)) + "m";
    }
}
