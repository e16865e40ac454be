package dev.greenroom.maven.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@code greenroom:run} puts into {@code deploy/}: the project's bundles (watched, so a rebuild
 * redeploys them) and their runtime dependencies that are bundles the runtime does not already
 * start, by symbolic name (copied once). Plain jars are left out with a note, since FileInstall could not start them;
 * API-only jars ({@code osgi.unresolvable}) are left out silently. A project whose bundles declare no
 * Greenroom feature is refused, naming the jars it looked at.
 */
public final class DeployPlan {
  /** A Maven artifact by its coordinates ({@code groupId:artifactId:version}) and file. */
  public record Artifact(String groupId, String artifactId, String version, Path jar) {
    public String id() {
      return groupId + ":" + artifactId + ":" + version;
    }
  }

  private final List<LiveDeployer.Source> sources;
  private final List<String> notes;
  private final boolean frontend;

  private DeployPlan(List<LiveDeployer.Source> sources, List<String> notes, boolean frontend) {
    this.sources = List.copyOf(sources);
    this.notes = List.copyOf(notes);
    this.frontend = frontend;
  }

  /**
   * Plans the deployment of {@code projectName}'s bundles {@code projectJars} with {@code
   * dependencies} into {@code runtime}.
   *
   * @throws IllegalStateException naming the project and the jar when a project jar is missing,
   *     or when no project bundle declares a Greenroom feature
   */
  public static DeployPlan of(String projectName, List<Artifact> projectJars, List<Artifact> dependencies,
      RuntimeJar runtime) throws IOException {
    List<LiveDeployer.Source> sources = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    boolean feature = false;
    boolean frontend = false;
    for (Artifact a : projectJars) {
      if (!Files.isRegularFile(a.jar())) {
        throw new IllegalStateException(a.jar() + " of " + a.id() + " does not exist: build the project first "
            + "(mvn package, or mvn package greenroom:run)");
      }
      var bundle = BundleJar.read(a.jar());
      if (bundle.isEmpty()) {
        notes.add(a.id() + " (" + a.jar().getFileName() + ") is not an OSGi bundle: not deployed");
        continue;
      }
      feature |= bundle.get().greenroomFeature();
      frontend |= bundle.get().frontend();
      String name = a.artifactId() + ".jar";
      names.add(a.jar().getFileName().toString());
      sources.add(new LiveDeployer.Source(a.jar(), name, true));
    }
    if (!feature) {
      throw new IllegalStateException(projectName + " builds no Greenroom feature: none of its bundles "
          + (names.isEmpty() ? "(it builds none)" : names.toString())
          + " declares a backend plugin or module (@GreenroomPlugin, @GreenroomModule) or uses the frontend API");
    }
    Set<String> seen = new LinkedHashSet<>();
    for (Artifact d : dependencies) {
      if (!seen.add(d.id())) {
        continue;
      }
      var bundle = BundleJar.read(d.jar());
      if (bundle.isEmpty()) {
        notes.add("dependency " + d.id() + " is not an OSGi bundle: not deployed (embed it in your bundle, "
            + "e.g. with bnd's -includeresource / -conditionalpackage, or use a bundle of it)");
        continue;
      }
      if (bundle.get().unresolvable()) {
        continue;
      }
      String provided = runtime.bundleVersion(bundle.get().symbolicName());
      if (provided != null) {
        // a second copy of a runtime bundle (greenroom-backend-api above all) would split the
        // wiring: the runtime's copy serves, as a provided dependency would
        if (!provided.equals(bundle.get().version())) {
          notes.add("dependency " + d.id() + " (" + bundle.get().symbolicName() + " " + bundle.get().version()
              + ") is in the runtime as version " + provided + ": the runtime's is used");
        }
        continue;
      }
      frontend |= bundle.get().frontend();
      sources.add(new LiveDeployer.Source(d.jar(), d.artifactId() + "-" + d.version() + ".jar", false));
    }
    return new DeployPlan(sources, notes, frontend);
  }

  /** The jars to deploy: the project's first (watched), then the dependencies. */
  public List<LiveDeployer.Source> sources() {
    return sources;
  }

  /** Jars left out, one line each, for the build log. */
  public List<String> notes() {
    return notes;
  }

  /** True when a deployed bundle imports the frontend API, so the frontend runtime (plugin {@code app}) must run too. */
  public boolean needsFrontend() {
    return frontend;
  }

  /** This plan with {@code extra} dependency bundles added (copied once, not watched). */
  public DeployPlan with(List<Artifact> extra) {
    List<LiveDeployer.Source> all = new ArrayList<>(sources);
    for (Artifact a : extra) {
      all.add(new LiveDeployer.Source(a.jar(), a.artifactId() + "-" + a.version() + ".jar", false));
    }
    return new DeployPlan(all, notes, frontend);
  }
}
