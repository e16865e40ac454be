package dev.greenroom.frontend.api;

/**
 * Server-side rendering of an extension: Greenroom's counterpart of a React element. Called per
 * request; a view that throws is replaced by a contained fallback naming its extension.
 */
@FunctionalInterface
public interface View {
  Html render(RenderContext context) throws Exception;
}
