package streamlab.grading;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Prints PIT's results (mutations.xml of each lab's solution) as a table: mutants killed of all, and
 * each mutant that survived, with where it is and what it changed. grading/mutation-check runs it:
 * {@code java grading/src/main/java/streamlab/grading/MutationSummary.java LAB_REPORT_DIR...}
 */
public final class MutationSummary {

    private MutationSummary() {}

    public static void main(String[] args) throws Exception {
        int killedAll = 0;
        int totalAll = 0;
        List<String> survivors = new ArrayList<>();
        System.out.println("| lab | mutants | killed | survived | no coverage |");
        System.out.println("|---|---|---|---|---|");
        for (String dir : args) {
            Path xml = Path.of(dir, "mutations.xml");
            String lab = Path.of(dir)
                    .toAbsolutePath()
                    .getParent()
                    .getParent()
                    .getFileName()
                    .toString();
            if (!Files.isRegularFile(xml)) {
                System.out.println("| " + lab + " | no report (" + xml + ") | | | |");
                continue;
            }
            NodeList mutations = DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(xml.toFile())
                    .getElementsByTagName("mutation");
            int killed = 0;
            int survived = 0;
            int uncovered = 0;
            for (int i = 0; i < mutations.getLength(); i++) {
                Element m = (Element) mutations.item(i);
                String status = m.getAttribute("status");
                if (m.getAttribute("detected").equals("true")) {
                    killed++;
                } else {
                    if (status.equals("NO_COVERAGE")) {
                        uncovered++;
                    } else {
                        survived++;
                    }
                    survivors.add(String.format(
                            "%s %s.%s line %s: %s (%s)",
                            lab,
                            simple(text(m, "mutatedClass")),
                            text(m, "mutatedMethod"),
                            text(m, "lineNumber"),
                            text(m, "description"),
                            status));
                }
            }
            killedAll += killed;
            totalAll += mutations.getLength();
            System.out.printf("| %s | %d | %d | %d | %d |%n", lab, mutations.getLength(), killed, survived, uncovered);
        }
        System.out.printf("%nKilled %d of %d mutants.%n", killedAll, totalAll);
        if (!survivors.isEmpty()) {
            System.out.println("Not killed:");
            survivors.forEach(s -> System.out.println("- " + s));
        }
    }

    private static String text(Element m, String tag) {
        NodeList nodes = m.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent();
    }

    private static String simple(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
