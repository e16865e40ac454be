package dev.greenroom.database.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Forwards a local port to a real server: lets a test make the database "come up" later by
 * starting to listen on a port that refused connections until then.
 */
final class TcpForwarder implements AutoCloseable {
  private final ServerSocket server;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  TcpForwarder(int localPort, String targetHost, int targetPort) throws IOException {
    server = new ServerSocket(localPort, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(() -> {
      while (!server.isClosed()) {
        try {
          Socket in = server.accept();
          Socket out = new Socket(targetHost, targetPort);
          sockets.add(in);
          sockets.add(out);
          pipe(in, out);
          pipe(out, in);
        } catch (IOException e) {
          return; // closed
        }
      }
    }, "tcp-forwarder-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** A port nobody listens on right now. */
  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static void pipe(Socket from, Socket to) {
    Thread t = new Thread(() -> {
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        in.transferTo(out);
      } catch (IOException e) {
        // one side closed
      } finally {
        try {
          to.close();
        } catch (IOException ignored) {
          // already closed
        }
      }
    }, "tcp-forwarder-pipe");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : sockets) {
      s.close();
    }
  }
}
