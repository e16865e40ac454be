package dev.greenroom.backend.runtime.internal.osgi;

import dev.greenroom.backend.runtime.internal.deploy.DeployGuard;
import java.io.File;
import java.util.Hashtable;
import org.apache.felix.fileinstall.ArtifactInstaller;
import org.apache.felix.fileinstall.ArtifactListener;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;

/**
 * FileInstall's hook for {@link DeployGuard}. FileInstall asks its listeners, highest ranking
 * first and its own bundle handler last, which one handles a file; this one claims only jars it
 * refuses (and watches corrupt ones go by), so every other file is installed by FileInstall as
 * usual. Only loaded when the runtime is wired to FileInstall's package (an optional import).
 */
final class DeployInstaller implements ArtifactInstaller {
  static final String PACKAGE = "org.apache.felix.fileinstall";

  private final DeployGuard guard;

  private DeployInstaller(DeployGuard guard) {
    this.guard = guard;
  }

  static ServiceRegistration<?> register(BundleContext context, DeployGuard guard) {
    Hashtable<String, Object> props = new Hashtable<>();
    props.put(Constants.SERVICE_RANKING, 1000);
    return context.registerService(
        new String[] {ArtifactInstaller.class.getName(), ArtifactListener.class.getName()}, new DeployInstaller(guard), props);
  }

  @Override
  public boolean canHandle(File artifact) {
    return guard.claims(artifact);
  }

  @Override
  public void install(File artifact) {
    guard.refuse(artifact);
  }

  @Override
  public void update(File artifact) {
    guard.refuse(artifact);
  }

  @Override
  public void uninstall(File artifact) {
    guard.forget(artifact);
  }
}
