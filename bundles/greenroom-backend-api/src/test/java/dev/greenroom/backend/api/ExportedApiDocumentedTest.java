package dev.greenroom.backend.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository's rule for exported API, checked over every bundle's sources (not only this
 * one's): an exported package ({@code @Export} in its package-info.java) carries a {@code @Version},
 * and every public top-level type in it has a Javadoc comment. Javadoc's own doclint checks the
 * comments' references and HTML when the build writes the API docs (root pom, maven-javadoc-plugin).
 */
class ExportedApiDocumentedTest {
  private static final Path REPO = Path.of("../..").toAbsolutePath().normalize();
  private static final Pattern PUBLIC_TYPE = Pattern.compile(
      "^public\\s+(?:(?:abstract|final|sealed|non-sealed|static)\\s+)*(?:class|interface|record|enum|@interface)\\s+(\\w+)",
      Pattern.MULTILINE);

  static List<Path> exportedPackages() throws IOException {
    List<Path> out = new ArrayList<>();
    for (String top : List.of("bundles", "features")) {
      try (Stream<Path> files = Files.walk(REPO.resolve(top))) {
        files
            .filter(p -> p.getFileName().toString().equals("package-info.java"))
            .filter(p -> p.toString().contains("/src/main/java/"))
            .filter(p -> read(p).contains("@Export"))
            .forEach(p -> out.add(p.getParent()));
      }
    }
    return out;
  }

  @Test
  void everyExportedPackageIsVersionedAndEveryPublicTypeInItDocumented() throws IOException {
    List<Path> packages = exportedPackages();
    // this bundle's own packages are among them: the scan found the repository
    assertTrue(packages.stream().anyMatch(p -> p.endsWith("dev/greenroom/backend/api/spi")), packages.toString());
    List<String> problems = new ArrayList<>();
    for (Path pkg : packages) {
      if (!read(pkg.resolve("package-info.java")).contains("@Version(")) {
        problems.add(REPO.relativize(pkg) + ": exported without @Version");
      }
      try (Stream<Path> files = Files.list(pkg)) {
        files
            .filter(p -> p.toString().endsWith(".java") && !p.getFileName().toString().equals("package-info.java"))
            .forEach(p -> {
              String undocumented = undocumentedPublicType(read(p));
              if (undocumented != null) {
                problems.add(REPO.relativize(p) + ": public type " + undocumented + " has no Javadoc");
              }
            });
      }
    }
    assertEquals(List.of(), problems);
  }

  /** The first public top-level type not directly preceded by a Javadoc comment, or null. */
  static String undocumentedPublicType(String source) {
    Matcher m = PUBLIC_TYPE.matcher(source);
    while (m.find()) {
      String before = source.substring(0, m.start());
      int end = before.lastIndexOf("*/");
      int start = before.lastIndexOf("/*", end);
      // between the comment and the declaration only annotations and line comments may stand: no
      // statement (an import, the package line) ends there
      boolean documented = end >= 0 && before.startsWith("/**", start) && !before.substring(end).contains(";");
      if (!documented) {
        return m.group(1);
      }
    }
    return null;
  }

  @Test
  void theCheckSeesAMissingComment() {
    assertEquals("Bare", undocumentedPublicType("package x;\n\nimport y;\n\n@ProviderType\npublic interface Bare {}\n"));
    assertEquals(null, undocumentedPublicType("package x;\n\n/** Doc. */\n@ProviderType\npublic final class Ok {}\n"));
    assertEquals("Plain", undocumentedPublicType("package x;\n/* not javadoc */\npublic record Plain() {}\n"));
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
