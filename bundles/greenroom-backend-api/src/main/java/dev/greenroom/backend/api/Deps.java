package dev.greenroom.backend.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/** The declared dependencies of an init, a factory or a loader, in declaration order. */
public final class Deps implements Iterable<Dependency<?>> {
  private static final Deps NONE = new Deps(List.of());
  private final List<Dependency<?>> items;

  private Deps(List<Dependency<?>> items) {
    this.items = items;
  }

  public static Deps of(Dependency<?>... deps) {
    List<Dependency<?>> list = new ArrayList<>(deps.length);
    for (Dependency<?> d : deps) {
      if (d == null) {
        throw new IllegalArgumentException("Deps.of: dependency must not be null");
      }
      if (!list.contains(d)) {
        list.add(d);
      }
    }
    return new Deps(Collections.unmodifiableList(list));
  }

  public static Deps none() {
    return NONE;
  }

  public List<Dependency<?>> asList() {
    return items;
  }

  public boolean isEmpty() {
    return items.isEmpty();
  }

  @Override
  public Iterator<Dependency<?>> iterator() {
    return items.iterator();
  }

  @Override
  public String toString() {
    return items.toString();
  }
}
