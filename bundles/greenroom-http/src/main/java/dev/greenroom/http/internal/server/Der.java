package dev.greenroom.http.internal.server;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * The few DER encodings a self-signed X.509 certificate and a PKCS#8 wrapper need (ITU-T X.690).
 * The JDK parses certificates but has no public API to build one; this keeps Greenroom free of a
 * second crypto provider (Bouncy Castle) for one development convenience.
 */
final class Der {
  private Der() {}

  static byte[] sequence(byte[]... parts) {
    return tagged(0x30, concat(parts));
  }

  static byte[] set(byte[]... parts) {
    return tagged(0x31, concat(parts));
  }

  static byte[] integer(BigInteger value) {
    return tagged(0x02, value.toByteArray());
  }

  static byte[] integer(long value) {
    return integer(BigInteger.valueOf(value));
  }

  static byte[] nul() {
    return new byte[] {0x05, 0x00};
  }

  static byte[] bool(boolean value) {
    return new byte[] {0x01, 0x01, (byte) (value ? 0xFF : 0x00)};
  }

  static byte[] octetString(byte[] content) {
    return tagged(0x04, content);
  }

  static byte[] bitString(byte[] content, int unusedBits) {
    byte[] body = new byte[content.length + 1];
    body[0] = (byte) unusedBits;
    System.arraycopy(content, 0, body, 1, content.length);
    return tagged(0x03, body);
  }

  static byte[] utf8(String s) {
    return tagged(0x0C, s.getBytes(StandardCharsets.UTF_8));
  }

  /** UTCTime {@code YYMMDDHHMMSSZ}, valid for dates 1950-2049 (RFC 5280 4.1.2.5.1). */
  static byte[] utcTime(String yyMMddHHmmssZ) {
    return tagged(0x17, yyMMddHHmmssZ.getBytes(StandardCharsets.US_ASCII));
  }

  /** Context-specific, constructed ({@code [n] EXPLICIT}). */
  static byte[] explicit(int n, byte[] content) {
    return tagged(0xA0 | n, content);
  }

  /** Context-specific, primitive ({@code [n] IMPLICIT} of a primitive type). */
  static byte[] implicit(int n, byte[] content) {
    return tagged(0x80 | n, content);
  }

  static byte[] oid(String dotted) {
    String[] arcs = dotted.split("\\.");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    base128(out, Long.parseLong(arcs[0]) * 40 + Long.parseLong(arcs[1]));
    for (int i = 2; i < arcs.length; i++) {
      base128(out, Long.parseLong(arcs[i]));
    }
    return tagged(0x06, out.toByteArray());
  }

  private static void base128(ByteArrayOutputStream out, long value) {
    int groups = 1;
    for (long v = value >>> 7; v != 0; v >>>= 7) {
      groups++;
    }
    for (int g = groups - 1; g >= 0; g--) {
      int b = (int) ((value >>> (7 * g)) & 0x7F);
      out.write(g == 0 ? b : b | 0x80);
    }
  }

  static byte[] tagged(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
    out.write(tag);
    int n = content.length;
    if (n < 0x80) {
      out.write(n);
    } else {
      int bytes = n > 0xFFFFFF ? 4 : n > 0xFFFF ? 3 : n > 0xFF ? 2 : 1;
      out.write(0x80 | bytes);
      for (int i = bytes - 1; i >= 0; i--) {
        out.write((n >>> (8 * i)) & 0xFF);
      }
    }
    out.writeBytes(content);
    return out.toByteArray();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
