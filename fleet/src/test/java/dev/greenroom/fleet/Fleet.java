package dev.greenroom.fleet;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The mixed fleet (docs/fleet.md), started once for the suite:
 *
 * <pre>
 *   suite ──► Backstage (node, fleet/backstage/backend.js: plugins bsfleet, bsother)
 *     │          │ discovery.endpoints: fleet, example, greenroom ──► proxy
 *     └──► proxy (round robin) ──► Greenroom replica A ─┐ runtime-postgres.jar + fixture plugin fleet,
 *                               └► Greenroom replica B ─┘ one PostgreSQL database fleet_&lt;random&gt;, a schema per plugin
 *                                    discovery.endpoints: bsfleet, bsother ──► Backstage
 * </pre>
 *
 * Every process listens on a free loopback port, is started with the same static tokens, keeps its output
 * under {@code target/fleet/<process>/}, and is stopped by its PID. Every wait is bounded.
 */
final class Fleet implements AutoCloseable {
  static final Duration BACKSTAGE_START = Duration.ofSeconds(90);
  static final Duration GREENROOM_START = Duration.ofSeconds(180);
  static final Duration STOP_GRACE = Duration.ofSeconds(60);
  static final String READINESS = "/.backstage/health/v1/readiness";

  /** The static tokens both sides accept (same subjects and restrictions in both configs). */
  final String tokenOpen = token("open");
  final String tokenPair = token("pair");
  final String tokenBackstageOnly = token("bs-only");
  final String tokenGreenroomOnly = token("gr-only");
  final String tokenPermission = token("perm");

  final Figures figures;
  final Path workDir;
  final FleetDatabase database;
  final TokenForge backstageKey;
  final RoundRobinProxy proxy;
  final ManagedProcess backstage;
  final ManagedProcess replicaA;
  final ManagedProcess replicaB;
  final int backstagePort;
  final int portA;
  final int portB;
  final GreenroomLogTrap trapA;
  final GreenroomLogTrap trapB;
  private final List<AutoCloseable> started = new ArrayList<>();

  private Fleet(Figures figures) throws Exception {
    this.figures = figures;
    try {
      String runtimeJar = required("fleet.runtime.jar");
      Path jar = Path.of(runtimeJar);
      check(Files.isRegularFile(jar), jar + " does not exist: build it first (mvn -B install -DskipTests)");
      Path fixture = Path.of(required("fleet.fixtures.dir"), "fleet-plugin.jar");
      check(Files.isRegularFile(fixture), fixture + " is missing (the fleet module copies it in pre-integration-test)");
      Path backstageSources = Path.of(required("fleet.backstage.dir"));
      Path peerModules = Path.of(required("fleet.peer.modules"));
      check(Files.isDirectory(peerModules.resolve("@backstage/backend-defaults")),
          "no installed Backstage peer at " + peerModules + ": install one with ../shared/peer/setup.sh <dir> and pass"
              + " -Dfleet.peer.modules=<dir>/node_modules");

      workDir = Path.of(System.getProperty("fleet.work.dir", "target/fleet")).toAbsolutePath();
      clean(workDir);

      database = FleetDatabase.create();
      started.add(database);
      figures.fact("database", database.name + " (dropped after the run)");

      backstageKey = TokenForge.generate(TokenForge.KEY_ID);
      Path keys = workDir.resolve("keys");
      backstageKey.writePem(keys);

      backstagePort = freePort();
      portA = freePort();
      portB = freePort();
      proxy = new RoundRobinProxy(freePort(), List.of(
          new RoundRobinProxy.Backend("A", "http://127.0.0.1:" + portA),
          new RoundRobinProxy.Backend("B", "http://127.0.0.1:" + portB)));
      started.add(proxy);

      Map<String, String> shared = new LinkedHashMap<>();
      shared.put("FLEET_TOKEN_OPEN", tokenOpen);
      shared.put("FLEET_TOKEN_PAIR", tokenPair);
      shared.put("FLEET_TOKEN_BACKSTAGE_ONLY", tokenBackstageOnly);
      shared.put("FLEET_TOKEN_GREENROOM_ONLY", tokenGreenroomOnly);
      shared.put("FLEET_TOKEN_PERMISSION", tokenPermission);
      shared.put("FLEET_GREENROOM_URL", proxy.url());
      shared.put("FLEET_BACKSTAGE_URL", backstageUrl());

      long t0 = System.nanoTime();

      // Backstage: its sources copied next to its log (the config loader looks for package.json upwards)
      Path bsDir = workDir.resolve("backstage");
      Files.createDirectories(bsDir);
      for (String file : List.of("backend.js", "app-config.yaml", "package.json")) {
        Files.copy(backstageSources.resolve(file), bsDir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
      }
      Map<String, String> bsEnv = new LinkedHashMap<>(shared);
      bsEnv.put("NODE_PATH", peerModules.toString());
      bsEnv.put("FLEET_BS_PORT", String.valueOf(backstagePort));
      bsEnv.put("FLEET_BS_PUBLIC_KEY", TokenForge.publicPem(keys).toString());
      bsEnv.put("FLEET_BS_PRIVATE_KEY", TokenForge.privatePem(keys).toString());
      backstage = ManagedProcess.start("backstage", bsDir,
          List.of(System.getProperty("fleet.node", "node"), "backend.js", "--config", "app-config.yaml"), bsEnv);
      started.add(() -> figures.fact("exit code: backstage", backstage.stop(STOP_GRACE)));

      // two replicas at once, on the one database: migrations and schema creation race as in production
      replicaA = startReplica("A", portA, jar, fixture, shared);
      replicaB = startReplica("B", portB, jar, fixture, shared);
      trapA = new GreenroomLogTrap(replicaA);
      trapB = new GreenroomLogTrap(replicaB);

      double bsReady = awaitReady(backstage, backstagePort, BACKSTAGE_START);
      double aReady = awaitReady(replicaA, portA, GREENROOM_START, "fleet", "example");
      double bReady = awaitReady(replicaB, portB, GREENROOM_START, "fleet", "example");
      double all = (System.nanoTime() - t0) / 1e6;
      figures.millis("start: Backstage, spawn to readiness 200", bsReady);
      figures.millis("start: replica A, spawn to readiness 200 (fleet, example running)", aReady);
      figures.millis("start: replica B, spawn to readiness 200 (fleet, example running)", bReady);
      figures.millis("start: whole fleet (3 processes spawned together) to all ready", all);
      figures.fact("ports", "Backstage " + backstagePort + ", proxy " + proxy.url().replaceAll(".*:", "") + ", A " + portA
          + ", B " + portB);
      figures.fact("schemas in " + database.name, database.schemas());
    } catch (Throwable t) {
      close(); // whatever was started before the failure
      throw t;
    }
  }

  static Fleet start(Figures figures) throws Exception {
    Fleet fleet = new Fleet(figures);
    // a test JVM stopped by Ctrl-C or SIGTERM still stops its children (by PID) and drops the database
    Runtime.getRuntime().addShutdownHook(new Thread(fleet::close, "fleet-stop"));
    return fleet;
  }

  private ManagedProcess startReplica(String name, int port, Path jar, Path fixture, Map<String, String> shared)
      throws IOException {
    Path dir = workDir.resolve("replica-" + name.toLowerCase(java.util.Locale.ROOT));
    Files.createDirectories(dir.resolve("deploy"));
    Files.createDirectories(dir.resolve("tmp"));
    Files.copy(fixture, dir.resolve("deploy/fleet-plugin.jar"));
    // case (f)'s probe, only when asked for (it needs greenroom-events: docs/fleet.md); never because a jar
    // happens to lie in target/fixtures from an earlier build
    if (Boolean.getBoolean("fleet.eventsProbe")) {
      Path events = fixture.resolveSibling("fleet-events-probe.jar");
      check(Files.isRegularFile(events), events + " is missing: -Dfleet.eventsProbe=true needs the fixture"
          + " fleet-events-probe built and listed in fleet/pom.xml (docs/fleet.md)");
      Files.copy(events, dir.resolve("deploy/fleet-events-probe.jar"));
    }
    Path config = dir.resolve("replica.yaml");
    try (InputStream in = Fleet.class.getResourceAsStream("/greenroom-replica.yaml")) {
      Files.copy(in, config);
    }
    Map<String, String> env = new LinkedHashMap<>(shared);
    env.put("APP_CONFIG_backend_listen_port", String.valueOf(port));
    env.put("FLEET_INSTANCE", name);
    env.put("FLEET_DATABASE", database.name);
    env.put("FLEET_PLUGIN_KEY_STORE", System.getProperty("fleet.pluginKeyStore", "memory"));
    List<String> command = List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djava.io.tmpdir=" + dir.resolve("tmp"),
        "-Dgreenroom.config=" + config,
        "-jar", jar.toString());
    ManagedProcess process = ManagedProcess.start("replica-" + name, dir, command, env);
    started.add(() -> figures.fact("exit code: replica " + name, process.stop(STOP_GRACE)));
    return process;
  }

  private double awaitReady(ManagedProcess process, int port, Duration bound, String... running)
      throws InterruptedException {
    long deadline = System.nanoTime() + bound.toNanos();
    FleetHttp.Answer last = null;
    while (System.nanoTime() < deadline) {
      check(process.isAlive(), process.name + " exited with " + process.exitCode() + " before it was ready; output:\n"
          + process.tail(6000));
      FleetHttp.Answer now = FleetHttp.get("http://127.0.0.1:" + port + READINESS);
      last = now;
      if (now.status() == 200 && java.util.Arrays.stream(running)
          .allMatch(p -> "running".equals(now.json().path("plugins").path(p).asText()))) {
        return (System.nanoTime() - process.spawnedAtNanos()) / 1e6;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException(process.name + " not ready within " + bound + " (last readiness: " + last
        + "); output:\n" + process.tail(6000));
  }

  String backstageUrl() {
    return "http://127.0.0.1:" + backstagePort;
  }

  String replicaUrl(String name) {
    return "http://127.0.0.1:" + ("A".equals(name) ? portA : portB);
  }

  /** Stops the replicas and Backstage (SIGTERM by PID, bounded), the proxy, and drops the database. */
  @Override
  public synchronized void close() {
    List<AutoCloseable> reverse = new ArrayList<>(started);
    started.clear(); // once: the shutdown hook calls it again
    java.util.Collections.reverse(reverse);
    reverse.forEach(Fleet::quietly);
  }

  private static void quietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      System.err.println("fleet: stopping " + c + " failed: " + e);
    }
  }

  private static String token(String what) {
    return "fleet-" + what + "-" + UUID.randomUUID().toString().replace("-", "");
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    check(value != null && !value.isBlank(), "system property " + property + " is not set (fleet/pom.xml sets it)");
    return value;
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalStateException(message);
    }
  }

  private static void clean(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var paths = Files.walk(dir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    Files.createDirectories(dir);
  }
}
