package dev.greenroom.http.internal.osgi;

import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Before the dispatcher servlet is registered with Pax Web's whiteboard: waits, bounded, until the
 * whiteboard has taken up Pax Web's newest container, which is when its default servlet context
 * (service id 0, rank -100) is listed in that container's {@code HttpServiceRuntime} DTO.
 *
 * <p>Why: pax-web-extender-whiteboard 11 learns of a new container in two steps. Its {@code
 * WebContainerManager} records the new {@code WebContainer} reference at once, in the service event
 * on Pax Web's configuration thread, and tells the extender on a thread of its own ({@code
 * HttpService->Whiteboard}), which only then takes the old container out and the new one up ({@code
 * WhiteboardExtenderContext.webContainerChanged}). A bundle whose first whiteboard service arrives
 * between the two gets its {@code BundleWhiteboardApplication} on the new reference at once ({@code
 * WhiteboardExtenderContext.getBundleApplication} reads the manager's reference, not the
 * extender's). Then either taking the old container out fails on that application ("Removing
 * unknown WebContainer reference") and the new container is never taken up (no servlet context in
 * its DTO, Jetty's 404 for every path), or, the old one being out already, the servlet goes into
 * the new container before its default context, is marked registered and never registered again
 * (404 for its paths; registering it anew helps). That window opens at Pax Web's first container and whenever it restarts for a new
 * configuration (the HTTP bundle moving it to {@code backend.listen}). A Pax Exam run met it
 * (ChurnIT, 2026-12-06: ServedCheck's warning), very likely the runnable jar's launch in ~40 that
 * served nothing too; WhiteboardRestartIT registers in that window on purpose. Upstream
 * files: ops4j/org.ops4j.pax.web, pax-web-spi {@code WebContainerManager.webContainerChanged},
 * pax-web-extender-whiteboard {@code WhiteboardExtenderContext}, {@code BundleWhiteboardApplication}.
 *
 * <p>Plain Java: {@code newest} looks at the newest {@code HttpServiceRuntime} ({@code null} while
 * there is none).
 */
final class WhiteboardTakeUp {
  /** What one look at Pax Web's newest {@code HttpServiceRuntime} found. */
  record Look(long runtimeServiceId, boolean defaultContext) {}

  /** Sleeps between looks; a parameter so that tests run on a fake clock. */
  interface Pause {
    void pause(long millis) throws InterruptedException;
  }

  static final long LOOK_EVERY_MILLIS = 20;

  private WhiteboardTakeUp() {}

  /**
   * Whether a runtime newer than {@code newerThan} (its service id; -1 for any) lists the
   * whiteboard's default context within {@code timeoutNanos}. Looks every {@value
   * #LOOK_EVERY_MILLIS} ms: the wait is one start's, usually none at all, and Pax Web announces a
   * change of its DTOs only by a service property it updates lazily.
   */
  static boolean await(Supplier<Look> newest, long newerThan, LongSupplier nanoTime, Pause pause, long timeoutNanos)
      throws InterruptedException {
    long end = nanoTime.getAsLong() + timeoutNanos;
    while (true) {
      Look look = newest.get();
      if (look != null && look.runtimeServiceId() > newerThan && look.defaultContext()) {
        return true;
      }
      if (nanoTime.getAsLong() - end >= 0) {
        return false;
      }
      pause.pause(LOOK_EVERY_MILLIS);
    }
  }
}
