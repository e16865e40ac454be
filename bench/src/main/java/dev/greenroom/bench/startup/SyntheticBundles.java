package dev.greenroom.bench.startup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Writes the synthetic plugin, module and bare-servlet bundles: the compiled template classes of
 * {@code dev.greenroom.bench.synthetic} plus a manifest written here. The manifest is written by
 * hand, not computed by bnd, because the templates are fixed and their imports are known (the
 * listed packages plus java.*); every launch checks it, since an unresolvable bundle never answers.
 */
public final class SyntheticBundles {
  // Names, not class literals: the templates link against OSGi and servlet classes that this
  // generator's classpath does not have.
  private static final String PKG = "dev/greenroom/bench/synthetic/";
  private static final String PLUGIN_ACTIVATOR = "dev.greenroom.bench.synthetic.SyntheticPluginActivator";
  private static final String MODULE_ACTIVATOR = "dev.greenroom.bench.synthetic.SyntheticModuleActivator";
  private static final String BARE_ACTIVATOR = "dev.greenroom.bench.synthetic.BareServletActivator";
  // Keep in step with dev.greenroom.bench.synthetic.SyntheticHeaders.
  private static final String H_PLUGIN_ID = "X-Greenroom-Bench-Plugin";
  private static final String H_MODULE_ID = "X-Greenroom-Bench-Module";
  private static final String H_MODULE_COUNT = "X-Greenroom-Bench-Modules";
  private static final String H_GENERATION = "X-Greenroom-Bench-Generation";
  private static final String H_USES_DATABASE = "X-Greenroom-Bench-Uses-Database";
  private static final String H_FAULT = "X-Greenroom-Bench-Fault";
  private static final List<String> CLASSES = List.of(
      "SyntheticHeaders", "Contributions", "HelloServlet",
      "SyntheticPluginActivator", "SyntheticModuleActivator", "BareServletActivator", "LoggedServlet",
      "FaultyPlugin", "DatabaseServlet");
  private static final String IMPORTS = String.join(",",
      "dev.greenroom.backend.api;version=\"[1.0,2)\"",
      "dev.greenroom.backend.api.services;version=\"[0.1,1)\"",
      "jakarta.servlet;version=\"[5.0,7)\"",
      "jakarta.servlet.http;version=\"[5.0,7)\"",
      "javax.sql",
      "org.osgi.framework;version=\"[1.8,2)\"");
  private static final String EXTENDER =
      "osgi.extender;filter:=\"(&(osgi.extender=greenroom.backend)(version>=0.1.0)(!(version>=1.0.0)))\"";
  private static final String EE = "osgi.ee;filter:=\"(&(osgi.ee=JavaSE)(version=17))\"";

  private SyntheticBundles() {}

  public static String pluginId(int i) {
    return "p" + i;
  }

  /** {@code p<i>.jar}: plugin {@code p<i>} expecting {@code modules} contributions. */
  public static Path plugin(Path dir, int i, int modules, boolean usesDatabase) {
    Manifest m = manifest("dev.greenroom.bench.p" + i, "1.0.0", PLUGIN_ACTIVATOR);
    Attributes a = m.getMainAttributes();
    a.putValue("Provide-Capability", "greenroom.feature;greenroom.plugin.id=" + pluginId(i));
    a.putValue("Require-Capability", EXTENDER + "," + EE);
    a.putValue(H_PLUGIN_ID, pluginId(i));
    a.putValue(H_MODULE_COUNT, Integer.toString(modules));
    a.putValue(H_USES_DATABASE, Boolean.toString(usesDatabase));
    return write(dir.resolve(pluginId(i) + ".jar"), m);
  }

  /**
   * {@code <pluginId>.jar}: a plugin without modules whose init fails ({@code fail-init}), hangs
   * ({@code hang-init}), or whose {@code GET /hello} uses its database ({@code db-route}); see
   * {@code dev.greenroom.bench.synthetic.FaultyPlugin}.
   */
  public static Path faultyPlugin(Path dir, String pluginId, String fault) {
    Manifest m = manifest("dev.greenroom.bench.fault." + pluginId, "1.0.0", PLUGIN_ACTIVATOR);
    Attributes a = m.getMainAttributes();
    a.putValue("Provide-Capability", "greenroom.feature;greenroom.plugin.id=" + pluginId);
    a.putValue("Require-Capability", EXTENDER + "," + EE);
    a.putValue(H_PLUGIN_ID, pluginId);
    a.putValue(H_MODULE_COUNT, "0");
    a.putValue(H_FAULT, fault);
    return write(dir.resolve(pluginId + ".jar"), m);
  }

  /** {@code p<i>-m<j>.jar}: module {@code m<j>} of {@code p<i>}, contributing {@code m<j>@g<generation>}. */
  public static Path module(Path dir, String fileName, int i, int j, int generation) {
    Manifest m = manifest("dev.greenroom.bench.p" + i + ".m" + j, "1.0." + generation, MODULE_ACTIVATOR);
    Attributes a = m.getMainAttributes();
    a.putValue("Provide-Capability", "greenroom.feature;greenroom.plugin.id=" + pluginId(i) + ";greenroom.module.id=m" + j);
    a.putValue("Require-Capability", "greenroom.feature;filter:=\"(&(greenroom.plugin.id=" + pluginId(i)
        + ")(!(greenroom.module.id=*)))\";effective:=active," + EXTENDER + "," + EE);
    a.putValue(H_PLUGIN_ID, pluginId(i));
    a.putValue(H_MODULE_ID, "m" + j);
    a.putValue(H_GENERATION, Integer.toString(generation));
    return write(dir.resolve(fileName), m);
  }

  public static String moduleFile(int i, int j) {
    return pluginId(i) + "-m" + j + ".jar";
  }

  /**
   * {@code bare-servlet.jar}: Whiteboard servlets at {@code /bare/*} and {@code /bare-logged/*} (the
   * same, plus one SLF4J line per request), no Greenroom in the path.
   */
  public static Path bareServlet(Path dir, int modules) {
    Manifest m = manifest("dev.greenroom.bench.bare", "1.0.0", BARE_ACTIVATOR);
    m.getMainAttributes().putValue("Import-Package", IMPORTS + ",org.slf4j;version=\"[1.7,3)\"");
    m.getMainAttributes().putValue("Require-Capability", EE);
    m.getMainAttributes().putValue(H_MODULE_COUNT, Integer.toString(modules));
    return write(dir.resolve("bare-servlet.jar"), m);
  }

  /** Writes N plugins with M modules each into {@code dir}. */
  public static void generate(Path dir, int plugins, int modules) {
    for (int i = 0; i < plugins; i++) {
      plugin(dir, i, modules, false);
      for (int j = 0; j < modules; j++) {
        module(dir, moduleFile(i, j), i, j, 0);
      }
    }
  }

  private static Manifest manifest(String bsn, String version, String activator) {
    Manifest m = new Manifest();
    Attributes a = m.getMainAttributes();
    a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    a.putValue("Bundle-ManifestVersion", "2");
    a.putValue("Bundle-SymbolicName", bsn);
    a.putValue("Bundle-Version", version);
    a.putValue("Bundle-Name", "Greenroom bench synthetic bundle " + bsn);
    a.putValue("Bundle-Activator", activator);
    a.putValue("Import-Package", IMPORTS);
    a.putValue("Private-Package", "dev.greenroom.bench.synthetic");
    return m;
  }

  private static Path write(Path target, Manifest manifest) {
    try {
      Files.createDirectories(target.getParent());
      try (OutputStream out = Files.newOutputStream(target); JarOutputStream jar = new JarOutputStream(out, manifest)) {
        jar.putNextEntry(new JarEntry(PKG));
        jar.closeEntry();
        for (String name : CLASSES) {
          String entry = PKG + name + ".class";
          try (InputStream in = SyntheticBundles.class.getClassLoader().getResourceAsStream(entry)) {
            if (in == null) {
              throw new IllegalStateException("template class " + entry + " is not on the bench classpath");
            }
            jar.putNextEntry(new JarEntry(entry));
            in.transferTo(jar);
            jar.closeEntry();
          }
        }
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write bundle " + target, e);
    }
  }
}
