package dev.greenroom.backend.runtime.internal.osgi;

import dev.greenroom.backend.api.services.LoggerService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.framework.startlevel.FrameworkStartLevel;

/**
 * Starts the bundles of a full deploy folder at launch plugin by plugin, next to FileInstall.
 *
 * <p>FileInstall installs the folder's jars as one batch and then starts them one by one, in its
 * own order, on one thread: with N plugins of M modules in {@code deploy/}, every plugin waits for
 * its last bundle, which comes at a random point of the whole batch, so the first plugin to answer
 * answers near the end (issue 15, bench/README.md). Once the folder is installed, this resolves and
 * starts the same bundles on a second thread, grouped by plugin (libraries first, then each plugin's
 * bundle and its modules, in plugin id order): each plugin's bundles are ready together and the
 * plugin starts at once, and a 2-core machine runs two starts at a time.
 *
 * <p>Nothing else changes: these are the bundles FileInstall starts anyway, with its options
 * ({@code felix.fileinstall.bundles.new.start}, {@code .startTransient}, {@code
 * .startActivationPolicy}); FileInstall's own start of a bundle started here finds it active and
 * does nothing. Only resolved bundles are started here: one that cannot resolve, or whose
 * activator fails, is left to FileInstall, which reports it as before (a failure here is not
 * logged, so nothing is said twice), except for the bundles {@link DeployPreinstall} installed:
 * FileInstall adopts those without starting them (they were never started), so they are started
 * here, an unresolvable one too (marked started, FileInstall retries it on its scans), and an
 * activator's failure is logged here in FileInstall's words. {@code done} runs once the batch has settled: no bundle of it
 * still waiting to be started, or none changed for a module timeout (the plugin machines hold their
 * module waits until then, {@code Coordinators.launchStarting}).
 */
final class DeployStarts {
  private DeployStarts() {}

  /**
   * On a new daemon thread: resolves the folder's batch ({@code resolveBatch}, which returns its
   * bundles) and starts them plugin by plugin; {@code done} runs once the batch has settled (at once
   * when FileInstall starts nothing).
   */
  static void startInPluginOrder(BundleContext context, Supplier<List<Bundle>> batch, Predicate<Bundle> notFileInstalls,
      Supplier<LoggerService> logger, long settleMillis, Runnable done) {
    if ("false".equalsIgnoreCase(context.getProperty("felix.fileinstall.bundles.new.start"))) {
      done.run();
      return;
    }
    int options = 0;
    if (Boolean.parseBoolean(context.getProperty("felix.fileinstall.bundles.startTransient"))) {
      options |= Bundle.START_TRANSIENT;
    }
    String policy = context.getProperty("felix.fileinstall.bundles.startActivationPolicy");
    if (policy == null || Boolean.parseBoolean(policy)) {
      options |= Bundle.START_ACTIVATION_POLICY;
    }
    int startOptions = options;
    Thread t = new Thread(() -> {
      try {
        List<List<Bundle>> groups = grouped(batch.get());
        List<Bundle> order = new ArrayList<>();
        groups.forEach(order::addAll);
        if (order.isEmpty() || (order.size() < 2 && !notFileInstalls.test(order.get(0)))) {
          return;
        }
        startAll(context, groups, startOptions, notFileInstalls, logger);
        awaitSettled(context, order, settleMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        done.run();
      }
    }, "greenroom-deploy-start");
    t.setDaemon(true);
    t.start();
  }

  /**
   * Libraries (no feature capability) first, then one group per plugin id in id order, each in
   * bundle id order (a plugin's own bundle before its modules, as FileInstall installed them).
   */
  static List<List<Bundle>> grouped(List<Bundle> bundles) {
    Map<String, List<Bundle>> byPlugin = new TreeMap<>();
    for (Bundle b : bundles) {
      if (b.getHeaders("").get(Constants.FRAGMENT_HOST) != null) {
        continue;
      }
      String plugin;
      try {
        plugin = FeatureCapabilities.pluginOf(b);
      } catch (RuntimeException e) {
        continue; // uninstalled meanwhile
      }
      byPlugin.computeIfAbsent(plugin == null ? "" : plugin, k -> new ArrayList<>()).add(b);
    }
    List<List<Bundle>> out = new ArrayList<>();
    for (List<Bundle> group : byPlugin.values()) {
      group.sort(Comparator.comparingLong(Bundle::getBundleId));
      out.add(group);
    }
    return out;
  }

  /**
   * Resolves each group just before starting it, in one resolve per group: the first plugin serves
   * once its own bundles are resolved instead of after a resolve of the whole folder (about half a
   * second at 600 bundles, 1,200 at 300x3; issue 15, round 4). A bundle that cannot resolve stays
   * installed, as before (the framework treats the group as optional revisions).
   */
  private static void startAll(BundleContext context, List<List<Bundle>> groups, int options, Predicate<Bundle> notFileInstalls,
      Supplier<LoggerService> logger) {
    int started = 0;
    FrameworkWiring wiring = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
    for (List<Bundle> group : groups) {
      List<Bundle> installedOnly = group.stream().filter(b -> b.getState() == Bundle.INSTALLED).toList();
      if (!installedOnly.isEmpty()) {
        try {
          wiring.resolveBundles(installedOnly);
        } catch (RuntimeException e) {
          // a bundle uninstalled meanwhile, the framework stopping: the starts below resolve them
        }
      }
      started += startGroup(context, group, options, notFileInstalls, logger);
      if (frameworkStopping(context)) {
        return;
      }
    }
    if (started > 0) {
      logger.get().debug("Started " + started + " bundles of the deploy folder plugin by plugin");
    }
  }

  private static int startGroup(BundleContext context, List<Bundle> group, int options, Predicate<Bundle> notFileInstalls,
      Supplier<LoggerService> logger) {
    int started = 0;
    for (Bundle b : group) {
      boolean ours = notFileInstalls.test(b);
      try {
        int state = b.getState();
        if (state == Bundle.INSTALLED && !ours) {
          continue; // unresolvable: FileInstall starts it again on its scans and reports it
        }
        if ((state != Bundle.RESOLVED && state != Bundle.INSTALLED) || !startLevelReached(context, b)) {
          continue; // active already (FileInstall got there first), or not for this start level
        }
        // a pre-installed bundle that cannot resolve is still marked started, so FileInstall retries it
        // on its later scans like one of its own; DeployFolder reports what it is missing
        b.start(options);
        started++;
      } catch (BundleException e) {
        if (ours && e.getType() != BundleException.RESOLVE_ERROR) {
          // FileInstall did not install it, so it says nothing: FileInstall's own words
          logger.get().warn("Error while starting bundle: " + b.getLocation(), e);
        }
      } catch (IllegalStateException | SecurityException e) {
        // uninstalled meanwhile; FileInstall reports the rest as it always did
      } catch (RuntimeException e) {
        if (ours) {
          logger.get().warn("Error while starting bundle: " + b.getLocation(), e);
        }
      }
      if (frameworkStopping(context)) {
        return started;
      }
    }
    return started;
  }

  /**
   * Returns once no bundle of the batch is still only resolved or starting (FileInstall's pass may
   * still be on its way to some: a start here can fail where FileInstall's succeeds, or wait for a
   * lock), or once none of them changed state for {@code quietMillis}.
   */
  static void awaitSettled(BundleContext context, List<Bundle> batch, long quietMillis) throws InterruptedException {
    long lastChange = System.nanoTime();
    int waiting = Integer.MAX_VALUE;
    while (!frameworkStopping(context)) {
      int now = 0;
      for (Bundle b : batch) {
        int state = b.getState();
        if (state == Bundle.RESOLVED || state == Bundle.STARTING) {
          now++;
        }
      }
      if (now == 0) {
        return;
      }
      if (now < waiting) {
        waiting = now;
        lastChange = System.nanoTime();
      } else if (System.nanoTime() - lastChange > quietMillis * 1_000_000L) {
        return;
      }
      Thread.sleep(50);
    }
  }

  private static boolean startLevelReached(BundleContext context, Bundle b) {
    BundleStartLevel level = b.adapt(BundleStartLevel.class);
    FrameworkStartLevel fw = context.getBundle(0).adapt(FrameworkStartLevel.class);
    return level == null || fw == null || level.getStartLevel() <= fw.getStartLevel();
  }

  /**
   * The framework is stopping or has stopped: no more starts. Not only STOPPING: a signal early in
   * a launch stops the framework while this thread is still going through the folder, and a start
   * after the framework stopped failed writing to the bundle cache the exit deletes ("Error writing
   * persistent state to bundle archive", one stack trace per bundle; RunnableJarSignalDuringStartIT).
   */
  private static boolean frameworkStopping(BundleContext context) {
    try {
      return context.getBundle(0).getState() != Bundle.ACTIVE;
    } catch (IllegalStateException gone) {
      return true;
    }
  }
}
