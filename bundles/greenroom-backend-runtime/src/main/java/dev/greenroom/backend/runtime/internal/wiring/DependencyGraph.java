package dev.greenroom.backend.runtime.internal.wiring;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A graph of nodes that consume and provide ids: cycle detection and a parallel topological
 * traversal. A port of Backstage's DependencyGraph with the fix of backstage#30156: an id counts as
 * produced only once EVERY node providing it has finished.
 */
public final class DependencyGraph<T> {
  /** One node: its value and the ids it consumes and provides. */
  public record Node<T>(T value, Set<String> consumes, Set<String> provides) {
    public Node {
      consumes = Set.copyOf(consumes);
      provides = Set.copyOf(provides);
    }
  }

  private final List<Node<T>> nodes;
  private final Map<String, Integer> providerCount = new HashMap<>();

  private DependencyGraph(List<Node<T>> nodes) {
    this.nodes = List.copyOf(nodes);
    for (Node<T> node : this.nodes) {
      for (String id : node.provides()) {
        providerCount.merge(id, 1, Integer::sum);
      }
    }
  }

  public static <T> DependencyGraph<T> of(List<Node<T>> nodes) {
    return new DependencyGraph<>(nodes);
  }

  /**
   * The first cycle found, as the path of node values with the same node first and last; empty if
   * there is none. Nodes are tried as start points in their given order.
   */
  public Optional<List<T>> detectCircularDependency() {
    for (Node<T> start : nodes) {
      Set<Node<T>> visited = new HashSet<>();
      Deque<Map.Entry<Node<T>, List<T>>> stack = new ArrayDeque<>();
      stack.push(Map.entry(start, List.of(start.value())));
      while (!stack.isEmpty()) {
        Map.Entry<Node<T>, List<T>> top = stack.pop();
        Node<T> node = top.getKey();
        if (!visited.add(node)) {
          continue;
        }
        for (String consumed : node.consumes()) {
          for (Node<T> provider : nodes) {
            if (!provider.provides().contains(consumed)) {
              continue;
            }
            List<T> path = new ArrayList<>(top.getValue());
            path.add(provider.value());
            if (provider == start) {
              return Optional.of(List.copyOf(path));
            }
            if (!visited.contains(provider)) {
              stack.push(Map.entry(provider, path));
            }
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Visits every node, in parallel where possible, never before every provider of each id it
   * consumes has been visited. Ids nobody provides are ignored. Nodes that become ready together
   * are started in their given order. Blocks until all nodes are visited; {@code visit} must not
   * throw (record failures instead). Call {@link #detectCircularDependency()} first.
   *
   * <p>Of the nodes that become ready together, all but the last go to {@code executor} (in order)
   * and the last runs on the thread that made them ready (the caller's, at the start): a chain of
   * modules runs on one thread instead of parking one pool thread per link, and a same-thread
   * executor still sees registration order.
   */
  public void parallelTopologicalTraversal(Executor executor, Consumer<T> visit) {
    orderedTopologicalTraversal(executor, (value, started) -> visit.accept(value));
  }

  /**
   * As above, and nodes are <em>started</em> strictly in the order they became ready (registration
   * order among nodes ready together), while still running concurrently: a node's visit begins only
   * once every node dispatched before it has called its {@code started} callback (or finished).
   * Backstage's modules are started in that order by Node's single thread, each running until its
   * first await; Java inits have no awaits, so the visit reports the moment its init is called.
   */
  public void orderedTopologicalTraversal(Executor executor, BiConsumer<T, Runnable> visit) {
    Traversal traversal = new Traversal(executor, visit);
    List<Node<T>> ready;
    synchronized (traversal) {
      ready = traversal.takeReady();
    }
    traversal.dispatch(ready);
    traversal.done.join();
  }

  private final class Traversal {
    private final Executor executor;
    private final BiConsumer<T, Runnable> visit;
    private final Map<Node<T>, Integer> sequence = new HashMap<>();
    private int dispatched;
    /** Sequence numbers below this one have started. */
    private int startedBelow;
    private final Map<String, Integer> remainingProviders = new HashMap<>(providerCount);
    private final Set<Node<T>> waiting = new LinkedHashSet<>(nodes);
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private int inFlight;

    Traversal(Executor executor, BiConsumer<T, Runnable> visit) {
      this.executor = executor;
      this.visit = visit;
    }

    /** Removes and returns the nodes that are ready now; completes the traversal when all ran. */
    private List<Node<T>> takeReady() {
      List<Node<T>> ready = new ArrayList<>();
      if (waiting.isEmpty()) {
        if (inFlight == 0) {
          done.complete(null);
        }
        return ready;
      }
      for (Node<T> node : waiting) {
        if (isReady(node)) {
          ready.add(node);
        }
      }
      waiting.removeAll(ready);
      for (Node<T> node : ready) {
        sequence.put(node, dispatched++);
      }
      if (ready.isEmpty() && inFlight == 0) {
        done.completeExceptionally(new IllegalStateException("Circular dependency detected"));
      }
      inFlight += ready.size();
      return ready;
    }

    private void dispatch(List<Node<T>> ready) {
      Node<T> inline = handOff(ready);
      if (inline != null) {
        runFrom(inline);
      }
    }

    /** Sends all but the last of {@code ready} to the executor; returns the last (or null). */
    private Node<T> handOff(List<Node<T>> ready) {
      for (int i = 0; i < ready.size() - 1; i++) {
        Node<T> node = ready.get(i);
        executor.execute(() -> runFrom(node));
      }
      return ready.isEmpty() ? null : ready.get(ready.size() - 1);
    }

    private boolean isReady(Node<T> node) {
      for (String consumed : node.consumes()) {
        if (remainingProviders.getOrDefault(consumed, 0) > 0) {
          return false;
        }
      }
      return true;
    }

    private synchronized void markStarted(int seq) {
      if (startedBelow < seq + 1) {
        startedBelow = seq + 1;
        notifyAll();
      }
    }

    /** Runs {@code first}, then keeps running on this thread the last node it made ready. */
    private void runFrom(Node<T> first) {
      Node<T> node = first;
      while (node != null) {
        int seq;
        synchronized (this) {
          seq = sequence.get(node);
          while (startedBelow < seq) {
            try {
              wait();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              break;
            }
          }
        }
        Runnable started = () -> markStarted(seq);
        try {
          visit.accept(node.value(), started);
        } catch (RuntimeException e) {
          // visit is documented not to throw; keep the traversal alive regardless
        } finally {
          started.run();
        }
        List<Node<T>> ready;
        synchronized (this) {
          inFlight--;
          for (String id : node.provides()) {
            remainingProviders.merge(id, -1, Integer::sum);
          }
          ready = takeReady();
        }
        node = handOff(ready);
      }
    }
  }
}
