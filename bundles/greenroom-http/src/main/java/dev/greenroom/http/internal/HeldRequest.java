package dev.greenroom.http.internal;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletRequest;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A request waiting for its plugin's pending start without a thread: the servlet goes async and
 * returns; a change of the slot (or the pause timeout, as the AsyncContext's timeout) dispatches
 * the request again through the {@link RootDispatcher}, which asks the slot anew. Lives as a
 * request attribute across those dispatches: the dispatcher counts and logs the request once,
 * when a pass ends without a hold.
 */
final class HeldRequest implements AsyncListener {
  private static final String ATTRIBUTE = HeldRequest.class.getName();

  private final long arrivalNanos;
  private final AtomicBoolean waiting = new AtomicBoolean();
  private final Runnable resumer = this::resume;
  private volatile PluginSlot slot;
  private volatile AsyncContext async;
  /** Set by a hold in the current dispatch; read by the dispatcher when the dispatch ends. */
  private boolean heldThisPass;
  /** What the dispatcher does if the request ends while held (the client went away). */
  private volatile Runnable onAbandoned;
  private final AtomicBoolean abandoned = new AtomicBoolean();

  private HeldRequest(long arrivalNanos) {
    this.arrivalNanos = arrivalNanos;
  }

  /** The hold state of {@code request}, or null if it was never held. */
  static HeldRequest of(ServletRequest request) {
    return request.getAttribute(ATTRIBUTE) instanceof HeldRequest h ? h : null;
  }

  /**
   * Puts {@code request} on hold at {@code slot} for at most {@code nanos}; the caller returns from
   * the servlet at once. {@code arrivalNanos} is kept for the request's deadline.
   */
  static void hold(ServletRequest request, PluginSlot slot, long arrivalNanos, long nanos) {
    HeldRequest held = of(request);
    if (held == null) {
      held = new HeldRequest(arrivalNanos);
      request.setAttribute(ATTRIBUTE, held);
    }
    held.heldThisPass = true;
    held.slot = slot;
    AsyncContext context = request.startAsync();
    context.setTimeout(Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos) + 1));
    context.addListener(held);
    held.async = context;
    held.waiting.set(true);
    if (!slot.hold(held.resumer)) {
      held.resume(); // the slot changed since the caller asked it
    }
  }

  long arrivalNanos() {
    return arrivalNanos;
  }

  /** A new dispatch of the request begins. */
  void beginPass() {
    heldThisPass = false;
  }

  boolean heldThisPass() {
    return heldThisPass;
  }

  /** Called by the dispatcher when a pass ended in a hold: how to finish if the hold is abandoned. */
  void onAbandoned(Runnable finish) {
    onAbandoned = finish;
  }

  /** Dispatches the request again (once per hold). */
  void resume() {
    if (waiting.compareAndSet(true, false)) {
      slot.unhold(resumer);
      try {
        async.dispatch();
      } catch (IllegalStateException alreadyOver) {
        abandon(); // completed or failed meanwhile
      }
    }
  }

  private void abandon() {
    Runnable finish = onAbandoned;
    if (finish != null && abandoned.compareAndSet(false, true)) {
      finish.run();
    }
  }

  @Override
  public void onTimeout(AsyncEvent event) {
    resume(); // the next pass answers 503: its hold ran out
  }

  @Override
  public void onError(AsyncEvent event) {
    if (waiting.compareAndSet(true, false)) {
      slot.unhold(resumer);
      abandon();
      try {
        event.getAsyncContext().complete();
      } catch (IllegalStateException alreadyOver) {
        // nothing left to complete
      }
    }
  }

  @Override
  public void onComplete(AsyncEvent event) {
    if (waiting.compareAndSet(true, false)) {
      slot.unhold(resumer);
      abandon();
    }
  }

  @Override
  public void onStartAsync(AsyncEvent event) {
    // a new hold registers itself again
  }
}
