package dev.greenroom.backend.runtime.internal.defaults;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that run plugin inits and lifecycle hooks concurrently. Daemon threads that die
 * after a minute idle, so a stopped backend leaves no thread behind for long and never blocks
 * JVM exit.
 */
public final class InitThreads {
  private static final AtomicInteger COUNT = new AtomicInteger();
  private static final ThreadFactory FACTORY =
      r -> {
        Thread t = new Thread(r, "greenroom-init-" + COUNT.incrementAndGet());
        t.setDaemon(true);
        // never pin the class loader of whichever plugin thread happened to spawn this one
        t.setContextClassLoader(InitThreads.class.getClassLoader());
        return t;
      };

  public static final ExecutorService POOL =
      new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), FACTORY);

  private InitThreads() {}
}
