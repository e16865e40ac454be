package dev.greenroom.example.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's plugin, module and test samples ("Write a plugin", "Write a module") compile against
 * the API this build produces, so they cannot drift from it. Each class sample is a compilation unit;
 * a fragment becomes the body of a method. The imports a reader would add are given here.
 */
class ReadmeSamplesTest {
  private static final Path README = Path.of("../../README.md");
  private static final String IMPORTS = String.join("\n",
      "package readme;",
      "import dev.greenroom.backend.api.*;",
      "import dev.greenroom.backend.api.annotations.*;",
      "import dev.greenroom.backend.api.services.*;",
      "import dev.greenroom.backend.test.*;",
      "import dev.greenroom.example.node.*;",
      "import org.osgi.service.component.annotations.Component;",
      "import java.util.*;",
      "import java.util.concurrent.*;",
      "import static org.junit.jupiter.api.Assertions.*;",
      "");
  /** A fragment (the test sample) uses the real features, not the samples' namesakes. */
  private static final String FRAGMENT_IMPORTS = String.join("\n",
      "import dev.greenroom.example.backend.ExamplePlugin;",
      "import dev.greenroom.example.backend.module.greetings.GreetingsModule;",
      "");

  static List<String> samples() throws IOException {
    String readme = Files.readString(README);
    int from = readme.indexOf("## Write a plugin");
    int to = readme.indexOf("## Inspect it in Gogo");
    assertTrue(from >= 0 && to > from, "README sections moved: update ReadmeSamplesTest");
    Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme.substring(from, to));
    List<String> out = new ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void everyJavaSampleOfThePluginAndModuleSectionsCompiles(@TempDir Path out) throws IOException {
    List<String> samples = samples();
    assertEquals(3, samples.size(), "plugin, test and module samples: " + samples);
    List<JavaFileObject> units = new ArrayList<>();
    for (int i = 0; i < samples.size(); i++) {
      String sample = samples.get(i);
      Matcher named = Pattern.compile("public class (\\w+)").matcher(sample);
      String name = named.find() ? named.group(1) : "Fragment" + i;
      String source = named.find(0)
          ? IMPORTS + sample
          : IMPORTS + FRAGMENT_IMPORTS + "class " + name + " {\n  void run() throws Exception {\n" + sample + "\n  }\n}\n";
      units.add(new SimpleJavaFileObject(URI.create("string:///readme/" + name + ".java"), JavaFileObject.Kind.SOURCE) {
        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
          return source;
        }
      });
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    StringWriter errors = new StringWriter();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      boolean ok = javac.getTask(errors, files, null,
          List.of("-proc:none", "-classpath", classpath, "-d", out.toString()), null, units).call();
      assertTrue(ok, "README samples do not compile:\n" + errors);
    }
  }
}
