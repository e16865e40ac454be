package dev.greenroom.maven.plugin;

import dev.greenroom.maven.run.DeployPlan;
import dev.greenroom.maven.run.GreenroomProcess;
import dev.greenroom.maven.run.GreenroomRun;
import dev.greenroom.maven.run.ListenPort;
import dev.greenroom.maven.run.LiveDeployer;
import dev.greenroom.maven.run.RuntimeJar;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;

/**
 * Greenroom's {@code yarn start}: starts Greenroom on its embedded defaults (H2 under {@code
 * target/greenroom-run/data/db}, memory cache, 127.0.0.1:7007) with this project's bundles (every
 * bundle module of the reactor when run from an aggregator) and their runtime dependencies, and
 * nothing else: the base runtime ({@code runtime-base.bndrun}, resolved as {@code
 * dev.greenroom:greenroom-features:jar:runtime-base} at this plugin's version) runs as a child
 * process and FileInstall installs the bundles from its {@code deploy/} folder. A rebuild ({@code
 * mvn package} in another terminal) is redeployed live; Ctrl-C stops the runtime in order. It uses
 * the jars in {@code target/}: {@code mvn package greenroom:run} builds them first. See
 * docs/run.md.
 */
@Mojo(name = "run", aggregator = true, requiresProject = true, requiresDependencyResolution = ResolutionScope.NONE,
    threadSafe = true)
public final class RunMojo extends AbstractMojo {
  /** Backstage's port, where the base runtime listens unless {@code APP_CONFIG_backend_listen_port} says otherwise. */
  private static final int DEFAULT_PORT = 7007;
  private static final Duration SMOKE_TIMEOUT = Duration.ofMinutes(2);

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  private MavenSession session;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Parameter(defaultValue = "${reactorProjects}", readonly = true, required = true)
  private List<MavenProject> reactorProjects;

  @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
  private PluginDescriptor plugin;

  @Component
  private RepositorySystem repositorySystem;

  /** A Greenroom runtime jar to start instead of the base runtime of this plugin's version (any exported profile). */
  @Parameter(property = "greenroom.runtime")
  private File runtime;

  /** The runtime's working directory: {@code deploy/} and the embedded databases ({@code data/db}) go there. */
  @Parameter(property = "greenroom.workDir", defaultValue = "${project.build.directory}/greenroom-run")
  private File workDir;

  /** Where {@code app-config.yaml} and {@code app-config.local.yaml} are read from. */
  @Parameter(property = "greenroom.configDir", defaultValue = "${project.basedir}")
  private File configDir;

  /** Extra JVM options for the runtime, separated by spaces (e.g. {@code -Xmx512m}). */
  @Parameter(property = "greenroom.jvmArgs")
  private String jvmArgs;

  /** A port for a debugger: the runtime listens for JDWP on 127.0.0.1 at that port (not suspended). */
  @Parameter(property = "greenroom.debug")
  private Integer debugPort;

  /**
   * A start check instead of a session (CI): a path such as {@code /api/todo/health}. The runtime
   * starts, the plugin waits until GET {@code http://127.0.0.1:<port><path>} answers 200 (two
   * minutes at most), stops it, and the build succeeds only if that came and the stop exited 0.
   */
  @Parameter(property = "greenroom.smoke")
  private String smoke;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    Dependencies deps = new Dependencies(repositorySystem, session.getRepositorySession(), reactorProjects);
    Path runtimeJar = runtime != null ? runtime.toPath() : deps.runtimeJar(project, plugin.getVersion());
    RuntimeJar runtimeInfo;
    DeployPlan plan;
    OptionalInt port;
    try {
      runtimeInfo = RuntimeJar.read(runtimeJar);
      List<DeployPlan.Artifact> projectJars = new ArrayList<>();
      List<DeployPlan.Artifact> dependencies = new ArrayList<>();
      for (MavenProject p : reactorProjects) {
        if ("pom".equals(p.getPackaging())) {
          continue;
        }
        projectJars.add(new DeployPlan.Artifact(p.getGroupId(), p.getArtifactId(), p.getVersion(), projectJar(p)));
        dependencies.addAll(deps.runtimeDependencies(p));
      }
      plan = DeployPlan.of(project.getArtifactId(), projectJars, dependencies, runtimeInfo);
      if (plan.needsFrontend() && runtimeInfo.bundleVersion("dev.greenroom.frontend.runtime") == null) {
        plan = plan.with(deps.frontendRuntime(project, plugin.getVersion()));
      }
      port = ListenPort.fromEnv(System.getenv());
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw new MojoFailureException("greenroom:run: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new MojoExecutionException("greenroom:run: " + e.getMessage(), e);
    }
    plan.notes().forEach(n -> getLog().warn(n));

    Path work = workDir.toPath().toAbsolutePath();
    List<String> jvm = new ArrayList<>();
    if (debugPort != null) {
      jvm.add("-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=127.0.0.1:" + debugPort);
    }
    if (jvmArgs != null && !jvmArgs.isBlank()) {
      jvm.addAll(Arrays.asList(jvmArgs.trim().split("\\s+")));
    }
    GreenroomProcess.Options options = new GreenroomProcess.Options(runtimeJar, work, configDir.toPath().toAbsolutePath(),
        port, jvm, null, null);
    LiveDeployer deployer = new LiveDeployer(options.deployDir(), work.resolve("staging"), plan.sources());
    getLog().info("Starting Greenroom (" + runtimeJar.getFileName() + ") in " + work + " with "
        + plan.sources().stream().map(LiveDeployer.Source::name).toList());
    if (smoke == null) {
      getLog().info("Rebuild (mvn package) to redeploy; Ctrl-C or `stop 0` at the g! prompt to stop.");
    }
    port.ifPresent(p -> getLog().info("Port " + p + " from " + ListenPort.VARIABLE));
    GreenroomRun run = new GreenroomRun(options, deployer, line -> getLog().info(line));
    int code;
    try {
      if (smoke != null) {
        URI url = URI.create("http://127.0.0.1:" + port.orElse(DEFAULT_PORT) + (smoke.startsWith("/") ? "" : "/") + smoke);
        String body = run.smoke(url, SMOKE_TIMEOUT);
        getLog().info("Smoke check passed: GET " + url + " answered 200 " + body + "; Greenroom stopped with exit code 0");
        return;
      }
      code = run.runUntilExit();
    } catch (IllegalStateException e) {
      throw new MojoFailureException("greenroom:run: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new MojoExecutionException("greenroom:run: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MojoExecutionException("greenroom:run interrupted", e);
    }
    if (code != 0) {
      throw new MojoFailureException("greenroom:run: Greenroom exited with code " + code + " (see its last log line)");
    }
    getLog().info("Greenroom stopped (exit code 0)");
  }

  private static Path projectJar(MavenProject p) {
    return Path.of(p.getBuild().getDirectory(), p.getBuild().getFinalName() + ".jar");
  }
}
