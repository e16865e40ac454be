package dev.greenroom.backend.runtime.internal.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DependencyGraphTest {
  /** a consumes x, b provides x and consumes y, c provides y: providers run after consumers. */
  private static DependencyGraph<String> chain() {
    return DependencyGraph.of(List.of(
        new DependencyGraph.Node<>("c", Set.of(), Set.of("y")),
        new DependencyGraph.Node<>("b", Set.of("y"), Set.of("x")),
        new DependencyGraph.Node<>("a", Set.of("x"), Set.of())));
  }

  @Test
  void aChainRunsInOrderOnTheCallingThreadWithoutTouchingTheExecutor() {
    AtomicInteger submitted = new AtomicInteger();
    List<String> visited = Collections.synchronizedList(new ArrayList<>());
    Set<Thread> threads = Collections.synchronizedSet(new java.util.HashSet<>());

    chain().parallelTopologicalTraversal(r -> {
      submitted.incrementAndGet();
      new Thread(r).start();
    }, v -> {
      visited.add(v);
      threads.add(Thread.currentThread());
    });

    assertEquals(List.of("c", "b", "a"), visited);
    assertEquals(0, submitted.get());
    assertEquals(Set.of(Thread.currentThread()), threads);
  }

  @Test
  void nodesReadyTogetherFanOutAllButOneAndEveryNodeRuns() {
    ExecutorService pool = Executors.newCachedThreadPool();
    AtomicInteger submitted = new AtomicInteger();
    List<String> visited = Collections.synchronizedList(new ArrayList<>());
    try {
      DependencyGraph.of(List.of(
              new DependencyGraph.Node<>("p", Set.of("t"), Set.of()),
              new DependencyGraph.Node<>("q", Set.of("t"), Set.of()),
              new DependencyGraph.Node<>("r", Set.of("t"), Set.of()),
              new DependencyGraph.Node<>("provider", Set.of(), Set.of("t"))))
          .parallelTopologicalTraversal(r -> {
            submitted.incrementAndGet();
            pool.execute(r);
          }, visited::add);
    } finally {
      pool.shutdown();
    }
    assertEquals(2, submitted.get());
    assertEquals("provider", visited.get(0));
    assertTrue(visited.containsAll(List.of("p", "q", "r")));
  }

  @Test
  void aCycleIsReportedAsThePathBackToItsStart() {
    DependencyGraph<String> graph = DependencyGraph.of(List.of(
        new DependencyGraph.Node<>("a", Set.of("x"), Set.of("y")),
        new DependencyGraph.Node<>("b", Set.of("y"), Set.of("x"))));
    assertEquals(Optional.of(List.of("a", "b", "a")), graph.detectCircularDependency());
  }

  @Test
  void nodesReadyTogetherAreStartedInOrderYetRunConcurrently() throws Exception {
    ExecutorService pool = Executors.newCachedThreadPool();
    try {
      for (int round = 0; round < 25; round++) {
        List<String> started = Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.CountDownLatch allStarted = new java.util.concurrent.CountDownLatch(4);
        DependencyGraph.of(List.of(
                new DependencyGraph.Node<>("zeta", Set.of(), Set.of()),
                new DependencyGraph.Node<>("alpha", Set.of(), Set.of()),
                new DependencyGraph.Node<>("mid", Set.of(), Set.of()),
                new DependencyGraph.Node<>("beta", Set.of(), Set.of())))
            .orderedTopologicalTraversal(pool, (v, start) -> {
              started.add(v);
              start.run();
              allStarted.countDown();
              try {
                // each waits for all four to have started: passes only if they run at the same time
                assertTrue(allStarted.await(10, java.util.concurrent.TimeUnit.SECONDS));
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
        assertEquals(List.of("zeta", "alpha", "mid", "beta"), started, "round " + round);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
