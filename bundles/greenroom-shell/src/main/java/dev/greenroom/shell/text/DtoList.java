package dev.greenroom.shell.text;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * An unmodifiable list that remembers its element type, so that an empty result still formats
 * as "No plugins." instead of a blank line (Gogo's own collection formatting prints nothing for
 * an empty list).
 *
 * @param <T> the DTO type
 */
public final class DtoList<T> extends AbstractList<T> implements RandomAccess {
  private final Class<T> elementType;
  private final List<T> elements;

  private DtoList(Class<T> elementType, List<T> elements) {
    this.elementType = elementType;
    this.elements = elements;
  }

  public static <T> DtoList<T> of(Class<T> elementType, List<? extends T> elements) {
    return new DtoList<>(elementType, List.copyOf(elements));
  }

  public Class<T> elementType() {
    return elementType;
  }

  @Override
  public T get(int index) {
    return elements.get(index);
  }

  @Override
  public int size() {
    return elements.size();
  }
}
