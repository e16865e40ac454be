package dev.greenroom.frontend.api;

/** The core data refs every app understands. */
public final class CoreExtensionData {
  private CoreExtensionData() {}

  /** Server-side rendering of the extension (Backstage: {@code core.reactElement}). */
  public static final ExtensionDataRef<View> VIEW = ExtensionDataRef.of("core.view");

  /** The path a page is mounted at, e.g. {@code /examples}. */
  public static final ExtensionDataRef<String> ROUTE_PATH = ExtensionDataRef.of("core.routing.path");

  /** A human title (page title, nav label). */
  public static final ExtensionDataRef<String> TITLE = ExtensionDataRef.of("core.title");

  /** A nav item's target. */
  public static final ExtensionDataRef<NavTarget> NAV_TARGET = ExtensionDataRef.of("core.nav.target");
}
