package dev.greenroom.frontend.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Creates an extension's output: an iterable of data values. Returning {@code null} is the Java
 * counterpart of a non-iterable result and is reported as such. May throw; the runtime reports it
 * as {@code EXTENSION_FACTORY_ERROR}.
 */
@FunctionalInterface
public interface ExtensionFactory {
  Iterable<? extends ExtensionDataValue<?>> create(ExtensionContext context) throws Exception;

  /** Generator-like body: {@code (ctx, out) -> { out.emit(TITLE, "x"); out.emit(VIEW, v); }}. */
  @FunctionalInterface
  interface Emitting {
    void create(ExtensionContext context, Emitter out) throws Exception;
  }

  /** Collects the values an {@link Emitting} factory yields. */
  final class Emitter {
    private final List<ExtensionDataValue<?>> values = new ArrayList<>();

    public <T> Emitter emit(ExtensionDataRef<T> ref, T value) {
      values.add(ref.value(value));
      return this;
    }

    public Emitter emit(ExtensionDataValue<?> value) {
      values.add(value);
      return this;
    }
  }

  static ExtensionFactory emitting(Emitting body) {
    return ctx -> {
      Emitter out = new Emitter();
      body.create(ctx, out);
      return out.values;
    };
  }
}
