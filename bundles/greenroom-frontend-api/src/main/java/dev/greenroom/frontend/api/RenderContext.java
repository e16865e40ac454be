package dev.greenroom.frontend.api;

/** One request being rendered: its path, and the response status and title views may set. */
public interface RenderContext {
  /** The request path, normalised: starts with {@code /}, no trailing {@code /} except root. */
  String path();

  void status(int status);

  int status();

  /** The document title (the matched page sets it). */
  void title(String title);

  String title();

  /** Records that the extension {@code extensionId} failed to render (its fallback was shown). */
  void renderFailed(String extensionId, Throwable error);

  /** Reads from backend plugins during this render; {@link BackendFetch#NONE} when none is attached. */
  default BackendFetch backend() {
    return BackendFetch.NONE;
  }
}
