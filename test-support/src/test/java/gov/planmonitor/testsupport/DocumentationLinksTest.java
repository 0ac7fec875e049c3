package gov.planmonitor.testsupport;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The READMEs' maps from feature to file are how a newcomer finds the code: a link to a file that was moved or renamed
 * fails the build here instead of leaving the reader at a dead link.
 */
class DocumentationLinksTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> DOCUMENTS = List.of("README.md", "BENCHMARKS.md", "deploy/README.md", "deploy/images/README.md",
            "seeds/indicators/README.md", "seeds/projects/README.md");
    /** A Markdown link's target: [text](target), without a scheme (relative to the document). */
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s#]+)(#[^)]*)?\\)");

    @Test
    void everyRelativeLinkOfTheReadmesNamesAFileOrFolderThatExists() throws IOException {
        List<String> dead = new ArrayList<>();
        int checked = 0;
        for (String document : DOCUMENTS) {
            Path file = ROOT.resolve(document);
            assertTrue(Files.isRegularFile(file), document + " exists");
            Matcher link = LINK.matcher(Files.readString(file));
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("^[a-zA-Z][a-zA-Z+.-]*:.*")) {
                    continue; // https:, mailto: — not a file of the repository
                }
                checked++;
                if (!Files.exists(file.getParent().resolve(target).normalize())) {
                    dead.add(document + " → " + target);
                }
            }
        }
        assertTrue(checked > 100, "the README's feature map links files (" + checked + " links read)");
        assertEquals(List.of(), dead, "links to files that do not exist");
    }

    @Test
    void aMissingFileIsSeenAsDead() {
        Matcher link = LINK.matcher("see [Gone.java](indicator-service/src/main/java/Gone.java) and [x](https://example.org)");
        assertTrue(link.find());
        assertEquals("indicator-service/src/main/java/Gone.java", link.group(1));
        assertTrue(!Files.exists(ROOT.resolve(link.group(1))));
    }
}
