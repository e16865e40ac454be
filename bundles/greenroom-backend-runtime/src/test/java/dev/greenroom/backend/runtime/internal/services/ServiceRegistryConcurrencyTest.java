package dev.greenroom.backend.runtime.internal.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.ServiceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Several plugin threads asking at once still get one instance. Each two-thread test holds the
 * first thread inside the factory until the second is provably waiting, so without the locking a
 * second instance would be made every time, not just sometimes.
 */
class ServiceRegistryConcurrencyTest {
  private static final long TIMEOUT_SECONDS = 10;

  /** Blocks whoever calls {@link #enterAndWait()} until {@link #release()}. */
  private static final class Gate {
    final AtomicInteger entries = new AtomicInteger();
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch released = new CountDownLatch(1);

    void enterAndWait() throws InterruptedException {
      entries.incrementAndGet();
      entered.countDown();
      released.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    void release() {
      released.countDown();
    }
  }

  /** Runs two requests: the second starts once the first is inside the gate, and must wait. */
  private static <T> List<T> racePair(Gate gate, Callable<T> first, Callable<T> second)
      throws Exception {
    AtomicReference<T> firstResult = new AtomicReference<>();
    AtomicReference<T> secondResult = new AtomicReference<>();
    AtomicReference<Exception> failure = new AtomicReference<>();
    Thread one = new Thread(() -> run(first, firstResult, failure), "plugin-thread-1");
    Thread two = new Thread(() -> run(second, secondResult, failure), "plugin-thread-2");
    one.start();
    assertTrue(gate.entered.await(TIMEOUT_SECONDS, TimeUnit.SECONDS), "first never entered");
    two.start();
    awaitBlockedOrDone(two);
    gate.release();
    one.join(TIMEOUT_SECONDS * 1000);
    two.join(TIMEOUT_SECONDS * 1000);
    if (failure.get() != null) {
      throw failure.get();
    }
    return List.of(firstResult.get(), secondResult.get());
  }

  private static <T> void run(
      Callable<T> call, AtomicReference<T> result, AtomicReference<Exception> failure) {
    try {
      result.set(call.call());
    } catch (Exception e) {
      failure.compareAndSet(null, e);
    }
  }

  /** Waits until the thread parks (on the registry's lock, or in the gate if unguarded). */
  private static void awaitBlockedOrDone(Thread thread) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    while (System.nanoTime() < deadline) {
      Thread.State state = thread.getState();
      if (state == Thread.State.WAITING
          || state == Thread.State.TIMED_WAITING
          || state == Thread.State.BLOCKED
          || state == Thread.State.TERMINATED) {
        return;
      }
      Thread.sleep(1);
    }
    fail("second thread neither blocked nor finished");
  }

  @Test
  void twoThreadsAskingForOnePluginServiceGetOneInstance() throws Exception {
    Gate gate = new Gate();
    ServiceRef<Object> ref = ServiceRef.create("slow", Object.class);
    ServiceFactory<Object> factory =
        ServiceFactory.of(ref)
            .factory(
                deps -> {
                  gate.enterAndWait();
                  return new Object();
                });
    ServiceRegistry registry = ServiceRegistry.create(List.of(factory));

    List<Object> results =
        racePair(gate, () -> registry.get(ref, "catalog"), () -> registry.get(ref, "catalog"));

    assertEquals(1, gate.entries.get());
    assertSame(results.get(0), results.get(1));
  }

  @Test
  void twoThreadsAskingForOneRootServiceGetOneInstance() throws Exception {
    Gate gate = new Gate();
    ServiceRef<Object> ref = ServiceRef.root("slowRoot", Object.class);
    ServiceFactory<Object> factory =
        ServiceFactory.of(ref)
            .factory(
                deps -> {
                  gate.enterAndWait();
                  return new Object();
                });
    ServiceRegistry registry = ServiceRegistry.create(List.of(factory));

    List<Object> results =
        racePair(gate, () -> registry.get(ref, "catalog"), () -> registry.get(ref, "search"));

    assertEquals(1, gate.entries.get());
    assertSame(results.get(0), results.get(1));
  }

  @Test
  void defaultFactoryLoaderIsCalledOnceUnderConcurrentRequests() throws Exception {
    Gate gate = new Gate();
    ServiceRef<Object> ref =
        ServiceRef.builder("lazyDefault", Object.class)
            .defaultFactory(
                service -> {
                  try {
                    gate.enterAndWait();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  return ServiceFactory.of(service).factory(deps -> new Object());
                })
            .build();
    ServiceRegistry registry = ServiceRegistry.create(List.of());

    List<Object> results =
        racePair(gate, () -> registry.get(ref, "catalog"), () -> registry.get(ref, "catalog"));

    assertEquals(1, gate.entries.get());
    assertSame(results.get(0), results.get(1));
  }

  @Test
  void rootContextIsCreatedOnceWhenTwoPluginsAskAtOnce() throws Exception {
    Gate gate = new Gate();
    AtomicInteger instances = new AtomicInteger();
    ServiceRef<String> ref = ServiceRef.create("shared", String.class);
    ServiceFactory<String> factory =
        ServiceFactory.of(ref)
            .createRootContext(
                rootDeps -> {
                  gate.enterAndWait();
                  return "ctx";
                })
            .factoryWithContext((deps, ctx) -> ctx + "#" + instances.incrementAndGet());
    ServiceRegistry registry = ServiceRegistry.create(List.of(factory));

    List<String> results =
        racePair(gate, () -> registry.get(ref, "catalog"), () -> registry.get(ref, "search"));

    assertEquals(1, gate.entries.get());
    assertEquals(2, instances.get());
    assertEquals(List.of("ctx#1", "ctx#2"), results.stream().sorted().toList());
  }

  @Test
  void manyThreadsOverSharedDependenciesMakeEachInstanceOnce() throws Exception {
    AtomicInteger rootCalls = new AtomicInteger();
    AtomicInteger pluginCalls = new AtomicInteger();
    ServiceRef<Object> root = ServiceRef.root("root", Object.class);
    ServiceRef<Object> plugin = ServiceRef.create("plugin", Object.class);
    ServiceRegistry registry =
        ServiceRegistry.create(
            List.of(
                ServiceFactory.of(root)
                    .factory(
                        deps -> {
                          rootCalls.incrementAndGet();
                          Thread.sleep(20);
                          return new Object();
                        }),
                ServiceFactory.of(plugin)
                    .deps(root)
                    .factory(
                        deps -> {
                          pluginCalls.incrementAndGet();
                          return List.of(deps.get(root));
                        })));
    int threads = 16;
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Object>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        String pluginId = "plugin" + (i % 4);
        futures.add(
            pool.submit(
                () -> {
                  start.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                  return registry.get(plugin, pluginId);
                }));
      }
      for (Future<Object> future : futures) {
        future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, rootCalls.get());
    assertEquals(4, pluginCalls.get());
  }
}
