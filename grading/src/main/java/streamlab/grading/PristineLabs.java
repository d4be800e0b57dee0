package streamlab.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The untouched skeletons of labs/, as grading/pristine-skeletons.txt records them (git blob ids): taken
 * from the working copy where it still holds them, else from git. So the proof that untouched labs score
 * zero runs on the skeletons students start from, also in a working copy where a student has solved labs.
 */
final class PristineLabs {

    static final String FILE = "grading/pristine-skeletons.txt";

    private final Path root;
    private final Map<String, String> blobByPath = new LinkedHashMap<>();

    PristineLabs(Path root) {
        this.root = root;
        try {
            for (String line : Files.readAllLines(root.resolve(FILE), StandardCharsets.UTF_8)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] parts = line.trim().split(" ", 2);
                    blobByPath.put(parts[1], parts[0]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files of the working copy's labs/ that differ from the record: changed, new, or gone. */
    List<String> differences() {
        List<String> out = new ArrayList<>();
        Set<String> present = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root.resolve("labs"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String rel = root.relativize(f).toString().replace('\\', '/');
                if (rel.matches("labs/lab\\d\\d-[^/]+/src/main/.*")) {
                    present.add(rel);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String path : present) {
            String blob = blobByPath.get(path);
            if (blob == null) {
                out.add("new:     " + path);
            } else if (!blob.equals(blobId(root.resolve(path)))) {
                out.add("changed: " + path);
            }
        }
        for (String path : blobByPath.keySet()) {
            if (!present.contains(path)) {
                out.add("gone:    " + path);
            }
        }
        return out;
    }

    /**
     * Writes the recorded skeletons as a submission (a copy of labs/) to {@code target}. Returns the
     * files git could not give (none in a clone of the repository).
     */
    List<String> writeTo(Path target) {
        List<String> unavailable = new ArrayList<>();
        for (Map.Entry<String, String> e : blobByPath.entrySet()) {
            Path working = root.resolve(e.getKey());
            byte[] content = Files.isRegularFile(working) && e.getValue().equals(blobId(working))
                    ? read(working)
                    : fromGit(e.getValue());
            if (content == null) {
                unavailable.add(e.getKey());
                continue;
            }
            Path dest = target.resolve(e.getKey().substring("labs/".length()));
            try {
                Files.createDirectories(dest.getParent());
                Files.write(dest, content);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return unavailable;
    }

    /** Git's id of a file's content: SHA-1 of "blob LENGTH\0" and the bytes. */
    static String blobId(Path file) {
        byte[] content = read(file);
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(("blob " + content.length + "\0").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha1.digest(content));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private byte[] fromGit(String blob) {
        try {
            Process git = new ProcessBuilder("git", "cat-file", "blob", blob)
                    .directory(root.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            byte[] content = git.getInputStream().readAllBytes();
            return git.waitFor(30, TimeUnit.SECONDS) && git.exitValue() == 0 ? content : null;
        } catch (IOException ex) {
            return null; // no git here
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
