package dev.greenroom.http.internal;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;

/**
 * A servlet mounted below a path by Greenroom's own routing (not by the container): initialised
 * before its first request, destroyed when its route goes away, called with {@code servletPath} =
 * the mount path and {@code pathInfo} = the rest.
 */
public final class MountedServlet {
  private final Servlet servlet;
  private final String name;
  /**
   * Set once init has run and cleared by destroy; volatile so that each request checks it without
   * taking the monitor, which every request of the mount would otherwise contend for.
   */
  private volatile boolean ready;
  private boolean initialised;
  private boolean destroyed;

  public MountedServlet(Servlet servlet, String name) {
    this.servlet = servlet;
    this.name = name;
  }

  public Servlet servlet() {
    return servlet;
  }

  /** Calls the servlet for {@code request}, seen as mounted at {@code mountPath}. */
  public void service(HttpServletRequest request, HttpServletResponse response, String mountPath, String rest)
      throws ServletException, IOException {
    if (!ready) {
      ensureInitialised(request.getServletContext());
    }
    servlet.service(new Mounted(request, mountPath, rest), response);
  }

  private synchronized void ensureInitialised(ServletContext context) throws ServletException {
    if (destroyed) {
      throw new HandlerRemovedException("Servlet " + name + " was removed");
    }
    if (!initialised) {
      servlet.init(new Config(name, context));
      initialised = true;
    }
    ready = true;
  }

  public synchronized void destroy() {
    ready = false;
    if (initialised && !destroyed) {
      servlet.destroy();
    }
    destroyed = true;
  }

  private record Config(String name, ServletContext context) implements ServletConfig {
    @Override
    public String getServletName() {
      return name;
    }

    @Override
    public ServletContext getServletContext() {
      return context;
    }

    @Override
    public String getInitParameter(String key) {
      return null;
    }

    @Override
    public Enumeration<String> getInitParameterNames() {
      return Collections.emptyEnumeration();
    }
  }

  private static final class Mounted extends HttpServletRequestWrapper {
    private final String servletPath;
    private final String pathInfo;

    Mounted(HttpServletRequest request, String mountPath, String rest) {
      super(request);
      this.servletPath = mountPath;
      this.pathInfo = rest.isEmpty() ? null : rest;
    }

    @Override
    public String getServletPath() {
      return servletPath;
    }

    @Override
    public String getPathInfo() {
      return pathInfo;
    }
  }
}
