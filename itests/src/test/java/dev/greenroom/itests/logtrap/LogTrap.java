package dev.greenroom.itests.logtrap;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.function.Supplier;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;

/**
 * The activator of the log-trap bundle that {@code GreenroomTestSupport} builds from this class
 * and starts before every other bundle of a test framework (start level 1): it listens on every
 * {@link LogReaderService} (pax-logging-log4j2 registers one and feeds it every event that passes
 * the logger levels, from SLF4J, log4j, JUL bridged by pax-logging, the OSGi LogService and the
 * framework events it logs) and keeps the WARN and ERROR lines. A bundle of its own rather than a
 * listener in the test probe, because the probe is installed only after the framework has started:
 * lines logged while the runtime and the fixtures boot would be lost.
 *
 * <p>It registers itself as a {@code Supplier<List<String>>} with {@value #PROPERTY}{@code =true}
 * (JDK types only: the probe has its own copy of this class, a different class to the framework).
 * Each {@code get()} returns the lines kept since the previous call, oldest first, and forgets
 * them.
 *
 * <p>Only the JDK and the OSGi core and log APIs may be used here: the bundle holds this one class.
 */
public final class LogTrap
    implements BundleActivator, LogListener, Supplier<List<String>>,
        ServiceTrackerCustomizer<LogReaderService, LogReaderService> {
  public static final String PROPERTY = "greenroom.itest.logtrap";
  public static final String SYMBOLIC_NAME = "dev.greenroom.itests.logtrap";

  private final List<String> lines = new ArrayList<>();
  private BundleContext context;
  private ServiceTracker<LogReaderService, LogReaderService> readers;
  private ServiceRegistration<?> registration;

  @Override
  public void start(BundleContext context) {
    this.context = context;
    readers = new ServiceTracker<>(context, LogReaderService.class, this);
    readers.open();
    Hashtable<String, Object> props = new Hashtable<>();
    props.put(PROPERTY, Boolean.TRUE);
    registration = context.registerService(Supplier.class.getName(), this, props);
  }

  @Override
  public void stop(BundleContext context) {
    registration.unregister();
    readers.close();
  }

  @Override
  public LogReaderService addingService(ServiceReference<LogReaderService> ref) {
    LogReaderService reader = context.getService(ref);
    if (reader != null) {
      reader.addLogListener(this);
    }
    return reader;
  }

  @Override
  public void modifiedService(ServiceReference<LogReaderService> ref, LogReaderService reader) {}

  @Override
  public void removedService(ServiceReference<LogReaderService> ref, LogReaderService reader) {
    try {
      reader.removeLogListener(this);
    } catch (RuntimeException gone) {
      // pax-logging is stopping; it drops its listeners anyway
    }
    context.ungetService(ref);
  }

  @Override
  @SuppressWarnings("deprecation") // getLevel(): the R6 API this bundle compiles against
  public void logged(LogEntry entry) {
    String level;
    switch (entry.getLevel()) {
      case 1: level = "ERROR"; break; // LogService.LOG_ERROR
      case 2: level = "WARN"; break; // LogService.LOG_WARNING
      default: return;
    }
    String line = format(level, entry);
    synchronized (lines) {
      lines.add(line);
    }
  }

  @Override
  public List<String> get() {
    synchronized (lines) {
      List<String> out = new ArrayList<>(lines);
      lines.clear();
      return out;
    }
  }

  /**
   * {@code LEVEL <bundle> <logger> [<thread>]: <message> | <exception>: <message> | caused by ...}:
   * one line with everything a test's pattern may need to be specific.
   */
  private static String format(String level, LogEntry entry) {
    StringBuilder b = new StringBuilder(level);
    b.append(' ').append(entry.getBundle() == null ? "?" : entry.getBundle().getSymbolicName());
    String logger = r7(entry, "getLoggerName");
    if (logger != null) {
      b.append(' ').append(logger);
    }
    String thread = r7(entry, "getThreadInfo");
    if (thread != null) {
      b.append(" [").append(thread).append(']');
    }
    b.append(": ").append(entry.getMessage());
    Throwable t = entry.getException();
    for (int depth = 0; t != null && depth < 5; depth++, t = t.getCause()) {
      b.append(depth == 0 ? " | " : " | caused by ").append(t.getClass().getName()).append(": ").append(t.getMessage());
    }
    return b.toString();
  }

  /** An R7 accessor (pax-logging provides the R7 log API; this bundle compiles against R6). */
  private static String r7(LogEntry entry, String method) {
    try {
      // looked up on the interface: the runtime's LogEntry is pax-logging's R7 one, and its
      // implementation class need not be public
      Method m = LogEntry.class.getMethod(method);
      Object value = m.invoke(entry);
      return value == null ? null : value.toString();
    } catch (ReflectiveOperationException | RuntimeException notR7) {
      return null;
    }
  }
}
