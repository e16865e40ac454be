package dev.greenroom.backend.runtime.internal.osgi;

import dev.greenroom.backend.runtime.internal.deploy.DeployedJar;
import java.io.DataOutputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiPredicate;
import java.util.zip.CRC32;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.startlevel.BundleStartLevel;

/**
 * Installs the bundle jars already in the deploy folder at launch, several at a time, before
 * FileInstall's first scan, and hands them to FileInstall as bundles it manages (issue 15).
 *
 * <p>FileInstall 3.7.4 installs a folder's jars one by one on one thread (the framework's
 * start-level thread, with {@code felix.fileinstall.noInitialDelay}), then refreshes every bundle
 * it installed and starts them one by one, each start resolving its bundle alone: with 600 jars
 * about 4 s of installs and 5 s of refresh and starts on this 2-core machine. Here the jars are
 * installed on a thread of their own while the launch goes on (the launch bundles' activators run
 * meanwhile; one at a time, see {@link #installAll}), with exactly FileInstall's location
 * ({@code file.toURI().toURL()}, what its bundle transformer installs from); {@link DeployStarts}
 * resolves and starts them plugin by plugin once the framework has started.
 *
 * <p>FileInstall adopts them the way it adopts the bundles of a kept bundle cache after a restart:
 * its first scan takes every installed bundle whose location lies in its folder as a managed
 * artifact with the checksum it stored for it ({@code <bundle id>.checksum} in its own data area),
 * and reports a file only when the file's checksum differs. So when FileInstall's bundle is
 * starting (before its activator scans), this waits for the installs and writes, for each bundle,
 * the checksum FileInstall's scanner computes for the file (CRC32 of the name, the modification
 * time, the length and whether it is writable). A file changed, deleted or added afterwards is
 * updated, uninstalled or installed by FileInstall as always; a bundle installed here whose
 * checksum could not be written is simply updated by FileInstall at its first scan.
 *
 * <p>Only before FileInstall has started (at launch: the runtime's bundle starts before it) and only with FileInstall's plain settings (no
 * {@code filter}, {@code subdir.mode}; {@code start.level} is applied as FileInstall does, new bundles started); otherwise, and for
 * every jar it does not take (not a bundle, corrupt, refused by {@link
 * dev.greenroom.backend.runtime.internal.deploy.DeployGuard}, two files with the same bundle
 * identity), FileInstall installs as before.
 */
final class DeployPreinstall implements SynchronousBundleListener {
  static final String FILEINSTALL = "org.apache.felix.fileinstall";

  private final BundleContext context;
  private final int startLevel;
  private final long timeoutMillis;
  private final Map<Long, Long> checksums = new ConcurrentHashMap<>();
  /** The installs are over: the root start may begin (every declaration is known), FileInstall may take the bundles over. */
  private final CountDownLatch done = new CountDownLatch(1);
  private final AtomicBoolean handedOver = new AtomicBoolean();

  private DeployPreinstall(BundleContext context, int startLevel, long timeoutMillis) {
    this.context = context;
    this.startLevel = startLevel;
    this.timeoutMillis = timeoutMillis;
  }

  /**
   * Starts the installs when this is a launch FileInstall has not scanned yet; returns null when
   * FileInstall does it all as before. {@code refused} is the deploy guard's test.
   */
  static DeployPreinstall atLaunch(BundleContext context, BiPredicate<File, DeployedJar> refused, long timeoutMillis) {
    if (!plainSettings(context)) {
      return null;
    }
    Bundle fileInstall = null;
    for (Bundle b : context.getBundles()) {
      if (FILEINSTALL.equals(b.getSymbolicName())) {
        fileInstall = b;
      }
    }
    if (fileInstall == null || (fileInstall.getState() & (Bundle.INSTALLED | Bundle.RESOLVED)) == 0) {
      return null;
    }
    File dir = new File(context.getProperty(DeployFolder.DIR_PROPERTY));
    if (files(dir) < 2) {
      return null;
    }
    DeployPreinstall p = new DeployPreinstall(context, startLevel(context), timeoutMillis);
    context.addBundleListener(p);
    // the jars are opened and read on the install thread: on the start-level thread, reading 600
    // manifests held the launch bundles' activators back by a quarter of a second (issue 15)
    Thread t = new Thread(() -> p.installAll(jars(dir, refused)), "greenroom-deploy-install");
    t.setDaemon(true);
    t.start();
    return p;
  }

  static boolean plainSettings(BundleContext context) {
    String dir = context.getProperty(DeployFolder.DIR_PROPERTY);
    return dir != null && !dir.isBlank()
        && blank(context.getProperty("felix.fileinstall.filter"))
        && startLevel(context) >= 0
        && blank(context.getProperty("felix.fileinstall.subdir.mode"))
        && !"false".equalsIgnoreCase(context.getProperty("felix.fileinstall.bundles.new.start"));
  }

  /** {@code felix.fileinstall.start.level}: 0 when not set, -1 when not a number (then FileInstall does it all). */
  static int startLevel(BundleContext context) {
    String level = context.getProperty("felix.fileinstall.start.level");
    if (blank(level)) {
      return 0;
    }
    try {
      return Math.max(-1, Integer.parseInt(level.trim()));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /** How many plain files the folder holds: fewer than two is FileInstall's work alone, as before. */
  private static int files(File dir) {
    File[] files = dir.listFiles(File::isFile);
    return files == null ? 0 : files.length;
  }

  /** The bundle jars of the folder this takes: readable bundles, not refused, identity unique in the folder. */
  static List<File> jars(File dir, BiPredicate<File, DeployedJar> refused) {
    File[] files = dir.listFiles();
    if (files == null) {
      return List.of();
    }
    Arrays.sort(files);
    // opening 600 jars for their manifests is a quarter of a second: on both cores (issue 15)
    DeployedJar[] inspected = Arrays.stream(files).parallel()
        .map(f -> f.isFile() ? DeployedJar.inspect(f) : new DeployedJar.Other()).toArray(DeployedJar[]::new);
    Map<String, List<File>> byIdentity = new HashMap<>();
    for (int i = 0; i < files.length; i++) {
      File f = files[i];
      if (inspected[i] instanceof DeployedJar.BundleJar b && !refused.test(f, b)) {
        byIdentity.computeIfAbsent(b.symbolicName() + " " + b.version(), k -> new ArrayList<>()).add(f);
      }
    }
    List<File> out = new ArrayList<>();
    for (List<File> same : byIdentity.values()) {
      if (same.size() == 1) {
        out.add(same.get(0)); // a second file of the same bundle is FileInstall's and the guard's case
      }
    }
    out.sort(null);
    return out;
  }

  /** FileInstall's location for a jar of its folder: what its bundle transformer installs from. */
  static String location(File jar) throws IOException {
    return jar.toURI().toURL().toString();
  }

  /**
   * The checksum FileInstall 3.7.4's scanner computes for a plain file ({@code Scanner.checksum}):
   * CRC32 of the name's bytes, then the modification time, the length and 1000 (writable) or -1000,
   * each as 8 bytes, lowest first.
   */
  static long scannerChecksum(File file) {
    CRC32 crc = new CRC32();
    crc.update(file.getName().getBytes(Charset.defaultCharset()));
    update(crc, file.lastModified());
    update(crc, file.length());
    update(crc, file.canWrite() ? 1000L : -1000L);
    return crc.getValue();
  }

  private static void update(CRC32 crc, long l) {
    for (int i = 0; i < 8; i++) {
      crc.update((int) (l & 0xff));
      l >>= 8;
    }
  }

  private void installAll(List<File> jars) {
    try {
      // one at a time: the bnd launcher's own bundle listener (StartLevelRuntimeHandler) keeps the
      // installed bundles in a plain HashMap and fails on concurrent installs
      for (File jar : jars) {
        if (handedOver.get()) {
          break;
        }
        install(jar);
      }
      // no resolve here: DeployStarts resolves the folder one plugin at a time (issue 15, round 4)
    } finally {
      done.countDown();
    }
  }

  private void install(File jar) {
    try {
      long checksum = scannerChecksum(jar);
      String location = location(jar);
      if (context.getBundle(location) != null) {
        // a kept bundle cache (launch.keep=true): FileInstall has this jar's checksum from the last
        // run and updates the bundle if the file changed meanwhile; writing the file's checksum now
        // would hide that change from it
        return;
      }
      Bundle b;
      try (InputStream in = new FileInputStream(jar)) {
        b = context.installBundle(location, in);
      }
      if (startLevel > 0) {
        // FileInstall's default start level for what it installs (felix.fileinstall.start.level)
        b.adapt(BundleStartLevel.class).setStartLevel(startLevel);
      }
      checksums.put(b.getBundleId(), checksum);
    } catch (Exception e) {
      // not installed here: FileInstall installs it at its first scan and reports what is wrong with it
    }
  }

  /** FileInstall is starting: its first scan comes next, so the installs must be over and adoptable. */
  @Override
  public void bundleChanged(BundleEvent event) {
    if (event.getType() != BundleEvent.STARTING || !FILEINSTALL.equals(event.getBundle().getSymbolicName())) {
      return;
    }
    try {
      done.await(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    handedOver.set(true);
    try {
      context.removeBundleListener(this);
    } catch (IllegalStateException stopping) {
      // the runtime stopping
    }
    BundleContext fileInstall = event.getBundle().getBundleContext();
    if (fileInstall == null) {
      return; // FileInstall updates the bundles at its first scan: slower, still right
    }
    for (Map.Entry<Long, Long> e : checksums.entrySet()) {
      File data = fileInstall.getDataFile(e.getKey() + ".checksum");
      if (data == null) {
        return;
      }
      try (DataOutputStream out = new DataOutputStream(new FileOutputStream(data))) {
        out.writeLong(e.getValue());
      } catch (IOException ignored) {
        // FileInstall updates this one bundle at its first scan
      }
    }
  }

  /**
   * Waits (bounded) until the installs are over. The root start's wait for a full folder calls this
   * first: looking at the folder meanwhile read every jar's manifest a second time, on another
   * thread, while the installs read them (issue 15).
   */
  void awaitInstalled(long millis) throws InterruptedException {
    done.await(millis, TimeUnit.MILLISECONDS);
  }

  /** Whether {@code b} was installed here (FileInstall does not start it at launch, DeployStarts does). */
  boolean installedHere(Bundle b) {
    return checksums.containsKey(b.getBundleId());
  }
}
