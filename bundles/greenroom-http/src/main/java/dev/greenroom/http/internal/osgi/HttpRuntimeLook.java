package dev.greenroom.http.internal.osgi;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.service.servlet.runtime.dto.RuntimeDTO;
import org.osgi.service.servlet.runtime.dto.ServletContextDTO;

/**
 * Reads, for {@link WhiteboardTakeUp}, the newest {@link HttpServiceRuntime} Pax Web registered (one
 * per configuration of its server: the newest is the current container's). Only loaded when the
 * Servlet Whiteboard runtime package is wired (an optional import).
 */
final class HttpRuntimeLook {
  /** The whiteboard's default context ({@code OsgiContextModel.DEFAULT_CONTEXT_MODEL} in Pax Web). */
  static final long DEFAULT_CONTEXT_SERVICE_ID = 0L;
  static final String DEFAULT_CONTEXT_NAME = "default";

  private HttpRuntimeLook() {}

  /** The newest runtime's service id, or -1 when there is none. */
  static long newestId(BundleContext context) {
    ServiceReference<HttpServiceRuntime> ref = newest(context);
    return ref == null ? -1 : serviceId(ref);
  }

  /** The newest runtime and whether it lists the whiteboard's default context; {@code null} when there is none. */
  static WhiteboardTakeUp.Look look(BundleContext context) {
    ServiceReference<HttpServiceRuntime> ref = newest(context);
    if (ref == null) {
      return null;
    }
    HttpServiceRuntime runtime;
    try {
      runtime = context.getService(ref);
    } catch (IllegalStateException stopping) {
      return null;
    }
    if (runtime == null) {
      return null; // withdrawn meanwhile: Pax Web is restarting
    }
    try {
      return new WhiteboardTakeUp.Look(serviceId(ref), listsDefaultContext(runtime.getRuntimeDTO()));
    } catch (RuntimeException withdrawnMeanwhile) {
      return null;
    } finally {
      try {
        context.ungetService(ref);
      } catch (IllegalStateException stopping) {
        // this bundle is stopping
      }
    }
  }

  static boolean listsDefaultContext(RuntimeDTO dto) {
    if (dto == null || dto.servletContextDTOs == null) {
      return false;
    }
    for (ServletContextDTO c : dto.servletContextDTOs) {
      if (c.serviceId == DEFAULT_CONTEXT_SERVICE_ID && DEFAULT_CONTEXT_NAME.equals(c.name)) {
        return true;
      }
    }
    return false;
  }

  private static ServiceReference<HttpServiceRuntime> newest(BundleContext context) {
    try {
      ServiceReference<HttpServiceRuntime> newest = null;
      for (ServiceReference<HttpServiceRuntime> ref : context.getServiceReferences(HttpServiceRuntime.class, null)) {
        if (newest == null || serviceId(ref) > serviceId(newest)) {
          newest = ref;
        }
      }
      return newest;
    } catch (InvalidSyntaxException cannotHappen) {
      throw new IllegalStateException(cannotHappen);
    } catch (IllegalStateException stopping) {
      return null;
    }
  }

  private static long serviceId(ServiceReference<?> ref) {
    return (Long) ref.getProperty(Constants.SERVICE_ID);
  }
}
