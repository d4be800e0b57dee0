package streamlab.lab11;

import java.util.List;
import org.apache.spark.streaming.Time;
import org.apache.spark.streaming.kafka010.OffsetRange;
import scala.Tuple2;

/** The DStream side's output (given code): a batch as DStream's print() shows one, with the offsets it read. */
final class BatchPrinter {

    private BatchPrinter() {}

    /** A batch's output, as DStream's print() shows a batch: its time, its offset ranges, the biggest counts. */
    static void print(Time time, OffsetRange[] ranges, List<Tuple2<String, Long>> counts) {
        StringBuilder sb = new StringBuilder("-------------------------------------------\nTime: ")
                .append(time.milliseconds())
                .append(" ms\n-------------------------------------------\noffsets read:");
        for (OffsetRange r : ranges) {
            sb.append(' ')
                    .append(r.topic())
                    .append('-')
                    .append(r.partition())
                    .append(' ')
                    .append(r.fromOffset())
                    .append("..")
                    .append(r.untilOffset());
        }
        counts.stream()
                .sorted((a, b) -> Long.compare(b._2(), a._2()))
                .limit(Lab11.SHOWN)
                .forEach(c -> sb.append("\n(")
                        .append(c._1())
                        .append(',')
                        .append(c._2())
                        .append(')'));
        System.out.println(sb.append('\n'));
    }
}
