package dev.greenroom.maven.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which jars greenroom:run deploys, and the error for a project without a Greenroom feature. */
class DeployPlanTest {
  @TempDir Path tmp;

  private Path jar(String name, Map<String, String> headers) throws IOException {
    Manifest m = new Manifest();
    m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    headers.forEach((k, v) -> m.getMainAttributes().putValue(k, v));
    Path p = tmp.resolve(name);
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(p), m)) {
      out.flush();
    }
    return p;
  }

  private RuntimeJar runtime(String runbundles) throws IOException {
    Path p = tmp.resolve("runtime.jar");
    Manifest m = new Manifest();
    m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(p), m)) {
      out.putNextEntry(new java.util.jar.JarEntry("launcher.properties"));
      java.util.Properties props = new java.util.Properties();
      props.setProperty("launch.runbundles.attrs", runbundles);
      props.store(out, null);
      out.closeEntry();
    }
    return RuntimeJar.read(p);
  }

  private static DeployPlan.Artifact artifact(String artifactId, Path jar) {
    return new DeployPlan.Artifact("com.acme", artifactId, "1.0", jar);
  }

  @Test
  void deploysTheProjectBundlesWatchedAndOnlyDependencyBundlesTheRuntimeLacks() throws IOException {
    Path plugin = jar("todo-backend.jar", Map.of("Bundle-SymbolicName", "com.acme.todo.backend",
        "Provide-Capability", "osgi.service;objectClass:List<String>=\"x\",greenroom.feature;greenroom.plugin.id=todo"));
    Path node = jar("todo-node.jar", Map.of("Bundle-SymbolicName", "com.acme.todo.node"));
    Path jackson = jar("jackson-databind.jar", Map.of("Bundle-SymbolicName", "com.fasterxml.jackson.core.jackson-databind",
        "Bundle-Version", "2.22.3"));
    Path lib = jar("lib.jar", Map.of("Bundle-SymbolicName", "org.lib;singleton:=true", "Bundle-Version", "2.0.0"));
    Path api = jar("backend-api.jar", Map.of("Bundle-SymbolicName", "dev.greenroom.backend.api", "Bundle-Version", "0.1.0.2"));
    Path plain = jar("plain.jar", Map.of());
    Path core = jar("osgi.core.jar", Map.of("Bundle-SymbolicName", "osgi.core",
        "Require-Capability", "osgi.unresolvable;filter:=\"(&(must.not.resolve=*)(!(must.not.resolve=*)))\""));
    RuntimeJar runtime = runtime("com.fasterxml.jackson.core.jackson-databind;version=\"2.22.3\";startlevel=2,"
        + "dev.greenroom.backend.api;version=\"0.1.0.1\";startlevel=2");

    DeployPlan plan = DeployPlan.of("todo", List.of(artifact("todo-backend", plugin), artifact("todo-node", node)),
        List.of(artifact("jackson-databind", jackson), artifact("lib", lib), artifact("plain", plain),
            artifact("osgi.core", core), artifact("greenroom-backend-api", api)), runtime);

    assertEquals(List.of(new LiveDeployer.Source(plugin, "todo-backend.jar", true),
        new LiveDeployer.Source(node, "todo-node.jar", true),
        new LiveDeployer.Source(lib, "lib-1.0.jar", false)), plan.sources());
    assertEquals(2, plan.notes().size(), plan.notes().toString());
    assertTrue(plan.notes().get(0).startsWith("dependency com.acme:plain:1.0 is not an OSGi bundle: not deployed"));
    assertEquals("dependency com.acme:greenroom-backend-api:1.0 (dev.greenroom.backend.api 0.1.0.2) is in the runtime "
        + "as version 0.1.0.1: the runtime's is used", plan.notes().get(1));
  }

  @Test
  void aProjectWithoutAGreenroomFeatureIsRefusedNamingItsJars() throws IOException {
    Path lib = jar("util-1.0.jar", Map.of("Bundle-SymbolicName", "com.acme.util"));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> DeployPlan.of("acme-util", List.of(artifact("util", lib)), List.of(), runtime("")));
    assertEquals("acme-util builds no Greenroom feature: none of its bundles [util-1.0.jar] declares a backend plugin "
        + "or module (@GreenroomPlugin, @GreenroomModule) or uses the frontend API", e.getMessage());
  }

  @Test
  void aMissingProjectJarAsksForABuild() throws IOException {
    Path missing = tmp.resolve("target/todo-backend-1.0.jar");
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> DeployPlan.of("todo", List.of(artifact("todo-backend", missing)), List.of(), runtime("")));
    assertEquals(missing + " of com.acme:todo-backend:1.0 does not exist: build the project first (mvn package, or "
        + "mvn package greenroom:run)", e.getMessage());
  }

  @Test
  void aFrontendBundleAsksForTheFrontendRuntime() throws IOException {
    Path page = jar("todo-frontend.jar", Map.of("Bundle-SymbolicName", "com.acme.todo.frontend",
        "Import-Package", "dev.greenroom.frontend.api;version=\"[0.1,1)\",org.osgi.framework"));
    DeployPlan plan = DeployPlan.of("todo", List.of(artifact("todo-frontend", page)), List.of(), runtime(""));
    assertTrue(plan.needsFrontend());
  }

  @Test
  void listenPortComesFromBackstagesOverlayVariable() {
    assertEquals(java.util.OptionalInt.of(7008), ListenPort.fromEnv(Map.of("APP_CONFIG_backend_listen_port", "7008")));
    assertEquals(java.util.OptionalInt.of(7008), ListenPort.fromEnv(Map.of("APP_CONFIG_backend_listen_port", "\"7008\"")));
    assertEquals(java.util.OptionalInt.empty(), ListenPort.fromEnv(Map.of()));
    assertEquals("Invalid APP_CONFIG_backend_listen_port 'x': expected a port number from 1 to 65535",
        assertThrows(IllegalArgumentException.class,
            () -> ListenPort.fromEnv(Map.of("APP_CONFIG_backend_listen_port", "x"))).getMessage());
  }
}
