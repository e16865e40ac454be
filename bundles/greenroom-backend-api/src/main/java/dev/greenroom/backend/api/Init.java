package dev.greenroom.backend.api;

/** The init function of a plugin or module; it receives its declared deps resolved. */
@FunctionalInterface
public interface Init {
  void init(ResolvedDeps deps) throws Exception;
}
