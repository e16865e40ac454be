package dev.greenroom.frontend.runtime;

import java.util.List;

/**
 * A rendered response: HTTP status, the HTML document, and the extensions that failed while
 * rendering (each shown as a contained fallback).
 */
public record RenderedPage(int status, String html, List<RenderFailure> renderFailures) {

  /** An extension whose view threw during this render. */
  public record RenderFailure(String extensionId, String error) {}
}
