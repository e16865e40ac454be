package dev.greenroom.backend.runtime.internal.services;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds every unique dependency cycle among nodes that each provide their own id. A port of
 * Backstage's {@code DependencyGraph.detectCircularDependencies}: the same depth-first walk from
 * each node in order, so the same cycles are reported in the same order and from the same start.
 */
final class DependencyCycles {
  private DependencyCycles() {}

  /**
   * @param consumesById each node's id mapped to the ids it depends on, in node order
   * @return each cycle as a path that starts and ends with the same id
   */
  static List<List<String>> find(Map<String, ? extends Collection<String>> consumesById) {
    List<String> nodes = new ArrayList<>(consumesById.keySet());
    Map<String, Integer> indexById = new HashMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      indexById.put(nodes.get(i), i);
    }
    // A cycle is the same cycle whichever node it is entered from: key it by its set of nodes.
    Set<Set<Integer>> seenCycles = new HashSet<>();
    List<List<String>> cycles = new ArrayList<>();

    for (String start : nodes) {
      Set<String> visited = new HashSet<>();
      Deque<Step> stack = new ArrayDeque<>();
      stack.push(new Step(start, List.of(start)));
      while (!stack.isEmpty()) {
        Step step = stack.pop();
        if (!visited.add(step.node())) {
          continue;
        }
        for (String consumed : consumesById.get(step.node())) {
          if (!indexById.containsKey(consumed)) {
            continue;
          }
          if (consumed.equals(start)) {
            Set<Integer> key = new TreeSet<>();
            step.path().forEach(id -> key.add(indexById.get(id)));
            if (seenCycles.add(key)) {
              List<String> cycle = new ArrayList<>(step.path());
              cycle.add(start);
              cycles.add(List.copyOf(cycle));
            }
            continue;
          }
          if (!visited.contains(consumed)) {
            List<String> path = new ArrayList<>(step.path());
            path.add(consumed);
            stack.push(new Step(consumed, path));
          }
        }
      }
    }
    return cycles;
  }

  /** The message of Backstage's ConflictError for cycles among service factories. */
  static String describe(List<List<String>> cycles) {
    StringBuilder message = new StringBuilder("Circular dependencies detected:");
    for (List<String> cycle : cycles) {
      message.append("\n  ");
      for (int i = 0; i < cycle.size(); i++) {
        message.append(i == 0 ? "" : " -> ").append('\'').append(cycle.get(i)).append('\'');
      }
    }
    return message.toString();
  }

  private record Step(String node, List<String> path) {}
}
