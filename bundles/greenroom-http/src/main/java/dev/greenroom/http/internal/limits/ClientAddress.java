package dev.greenroom.http.internal.limits;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * The client's address as every later step sees it: {@code getRemoteAddr()} is Express's {@code
 * req.ip} under {@code backend.trustProxy} (rate limit keys, the auditor's {@code actor.ip}, a
 * plugin's handlers), the socket's address otherwise. The socket's own address stays readable
 * ({@link #socketAddress}), as Express keeps {@code req.socket.remoteAddress}.
 */
public final class ClientAddress {
  static final String SOCKET_ADDRESS = ClientAddress.class.getName() + ".socket";

  /** No proxy trusted: the socket's address. */
  public static final ClientAddress DIRECT = new ClientAddress(TrustProxy.NONE);

  private final TrustProxy trust;

  public ClientAddress(TrustProxy trust) {
    this.trust = trust;
  }

  /** {@code request} itself without a trusted proxy, else a wrapper whose remote address is the client's. */
  public HttpServletRequest wrap(HttpServletRequest request) {
    if (!trust.readsHeader() || request instanceof Forwarded) {
      return request;
    }
    String socket = unbracket(request.getRemoteAddr());
    String client = trust.clientAddress(socket, String.join(",", java.util.Collections.list(request.getHeaders("X-Forwarded-For"))));
    if (client.equals(socket)) {
      return request;
    }
    request.setAttribute(SOCKET_ADDRESS, socket);
    return new Forwarded(request, client);
  }

  /** The address of the socket the request came on (before {@code backend.trustProxy}). */
  static String socketAddress(HttpServletRequest request) {
    Object socket = request.getAttribute(SOCKET_ADDRESS);
    return socket != null ? socket.toString() : unbracket(request.getRemoteAddr());
  }

  static String unbracket(String address) {
    return address != null && address.startsWith("[") && address.endsWith("]")
        ? address.substring(1, address.length() - 1)
        : address;
  }

  private static final class Forwarded extends HttpServletRequestWrapper {
    private final String client;

    Forwarded(HttpServletRequest request, String client) {
      super(request);
      this.client = client;
    }

    @Override
    public String getRemoteAddr() {
      return client;
    }

    @Override
    public String getRemoteHost() {
      return client;
    }
  }
}
