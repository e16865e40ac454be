package dev.greenroom.maven.plugin;

import dev.greenroom.maven.run.DeployPlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.RepositoryUtils;
import org.apache.maven.model.Dependency;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.ArtifactTypeRegistry;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.collection.DependencyCollectionException;
import org.eclipse.aether.graph.DependencyNode;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;

/**
 * Resolves what {@code greenroom:run} deploys besides the project's own jars. Its own dependency
 * walk instead of Maven's {@code requiresDependencyResolution}: that would resolve a sibling
 * module's jar from the local repository (not there until {@code mvn install}), while here reactor
 * modules are skipped (their jars come from their {@code target/}) and only the rest is resolved.
 */
final class Dependencies {
  private static final Set<String> RUNTIME_SCOPES = Set.of("", "compile", "runtime");

  private final RepositorySystem system;
  private final RepositorySystemSession session;
  private final Set<String> reactor = new HashSet<>();

  Dependencies(RepositorySystem system, RepositorySystemSession session, List<MavenProject> reactorProjects) {
    this.system = system;
    this.session = session;
    reactorProjects.forEach(p -> reactor.add(p.getGroupId() + ":" + p.getArtifactId()));
  }

  /** The base runtime jar of Greenroom {@code version}: dev.greenroom:greenroom-features:jar:runtime-base. */
  Path runtimeJar(MavenProject project, String version) throws MojoExecutionException {
    return resolve(project, new DefaultArtifact("dev.greenroom", "greenroom-features", "runtime-base", "jar", version),
        "Greenroom's base runtime; build Greenroom (mvn install) or point -Dgreenroom.runtime at a runtime jar")
        .getFile().toPath();
  }

  /** Greenroom's frontend API and runtime bundles (plugin {@code app}) of {@code version}. */
  List<DeployPlan.Artifact> frontendRuntime(MavenProject project, String version) throws MojoExecutionException {
    List<DeployPlan.Artifact> out = new ArrayList<>();
    for (String id : List.of("greenroom-frontend-api", "greenroom-frontend-runtime")) {
      Artifact a = resolve(project, new DefaultArtifact("dev.greenroom", id, "jar", version),
          "the frontend runtime, needed by a bundle that uses the frontend API");
      out.add(new DeployPlan.Artifact(a.getGroupId(), a.getArtifactId(), a.getVersion(), a.getFile().toPath()));
    }
    return out;
  }

  /**
   * The compile- and runtime-scope dependencies of {@code project}, transitively (Maven's scope,
   * optional and exclusion rules, nearest version wins), without the reactor's own modules.
   */
  List<DeployPlan.Artifact> runtimeDependencies(MavenProject project) throws MojoExecutionException {
    ArtifactTypeRegistry types = session.getArtifactTypeRegistry();
    CollectRequest request = new CollectRequest();
    request.setRootArtifact(RepositoryUtils.toArtifact(project.getArtifact()));
    request.setRepositories(project.getRemoteProjectRepositories());
    for (Dependency d : project.getDependencies()) {
      if (RUNTIME_SCOPES.contains(d.getScope() == null ? "" : d.getScope())) {
        request.addDependency(RepositoryUtils.toDependency(d, types));
      }
    }
    if (project.getDependencyManagement() != null) {
      for (Dependency d : project.getDependencyManagement().getDependencies()) {
        request.addManagedDependency(RepositoryUtils.toDependency(d, types));
      }
    }
    DependencyNode root;
    try {
      root = system.collectDependencies(session, request).getRoot();
    } catch (DependencyCollectionException e) {
      throw new MojoExecutionException("greenroom:run: cannot collect the dependencies of " + project.getId() + ": "
          + e.getMessage(), e);
    }
    List<ArtifactRequest> wanted = new ArrayList<>();
    collect(root, wanted, project, new HashSet<>());
    List<DeployPlan.Artifact> out = new ArrayList<>();
    if (wanted.isEmpty()) {
      return out;
    }
    try {
      for (ArtifactResult r : system.resolveArtifacts(session, wanted)) {
        Artifact a = r.getArtifact();
        out.add(new DeployPlan.Artifact(a.getGroupId(), a.getArtifactId(), a.getBaseVersion(), a.getFile().toPath()));
      }
    } catch (ArtifactResolutionException e) {
      throw new MojoExecutionException("greenroom:run: cannot resolve the dependencies of " + project.getId() + ": "
          + e.getMessage(), e);
    }
    return out;
  }

  private void collect(DependencyNode node, List<ArtifactRequest> wanted, MavenProject project, Set<String> seen) {
    for (DependencyNode child : node.getChildren()) {
      org.eclipse.aether.graph.Dependency d = child.getDependency();
      if (d == null || !RUNTIME_SCOPES.contains(d.getScope())) {
        continue;
      }
      Artifact a = d.getArtifact();
      String ga = a.getGroupId() + ":" + a.getArtifactId();
      if (!reactor.contains(ga) && "jar".equals(a.getExtension()) && seen.add(ga)) {
        wanted.add(new ArtifactRequest(a, project.getRemoteProjectRepositories(), null));
      }
      collect(child, wanted, project, seen);
    }
  }

  private Artifact resolve(MavenProject project, Artifact artifact, String what) throws MojoExecutionException {
    try {
      return system.resolveArtifact(session, new ArtifactRequest(artifact, project.getRemoteProjectRepositories(), null))
          .getArtifact();
    } catch (ArtifactResolutionException e) {
      throw new MojoExecutionException("greenroom:run: cannot find " + artifact + " (" + what + "): " + e.getMessage(), e);
    }
  }
}
