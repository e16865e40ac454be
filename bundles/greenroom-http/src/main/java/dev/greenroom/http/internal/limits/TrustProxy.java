package dev.greenroom.http.internal.limits;

import dev.greenroom.backend.api.services.Config;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code backend.trustProxy}, Express's {@code trust proxy} setting
 * (packages/backend-defaults/src/entrypoints/rootHttpRouter/rootHttpRouterServiceFactory.ts sets it;
 * express/lib/utils.js {@code compileTrust}, the proxy-addr package): which hops of {@code
 * X-Forwarded-For} are believed when the client's address ({@code req.ip}) is worked out.
 *
 * <ul>
 *   <li>unset or {@code false}: the socket's address, the header is ignored;
 *   <li>{@code true}: every hop is trusted, the client is the header's leftmost address;
 *   <li>a number {@code n}: the {@code n} hops nearest this server are trusted;
 *   <li>a string (comma-separated) or a list of addresses, CIDR subnets ({@code 10.0.0.0/8},
 *       {@code 10.0.0.0/255.0.0.0}) or the names {@code loopback}, {@code linklocal}, {@code
 *       uniquelocal}: hops from those addresses are trusted.
 * </ul>
 *
 * Walking from the socket's address towards the header's leftmost entry, the client is the first
 * address that is not trusted (or the leftmost one when all are).
 */
public final class TrustProxy {
  public static final String KEY = "backend.trustProxy";
  static final TrustProxy NONE = new TrustProxy((address, hop) -> false, false);
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");
  private static final Map<String, List<String>> RANGES = Map.of(
      "linklocal", List.of("169.254.0.0/16", "fe80::/10"),
      "loopback", List.of("127.0.0.1/8", "::1/128"),
      "uniquelocal", List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"));

  private interface Trust {
    boolean trusts(String address, int hop);
  }

  private final Trust trust;
  private final boolean readsHeader;

  private TrustProxy(Trust trust, boolean readsHeader) {
    this.trust = trust;
    this.readsHeader = readsHeader;
  }

  public static TrustProxy read(Config config) {
    Optional<Object> raw = config.getOptional(KEY);
    if (raw.isEmpty() || Boolean.FALSE.equals(raw.get())) {
      return NONE;
    }
    Object v = raw.get();
    if (Boolean.TRUE.equals(v)) {
      return new TrustProxy((address, hop) -> true, true);
    }
    if (v instanceof Number n) {
      int hops = n.intValue();
      return hops <= 0 ? NONE : new TrustProxy((address, hop) -> hop < hops, true);
    }
    List<String> entries = new ArrayList<>();
    if (v instanceof List<?> list) {
      list.forEach(e -> entries.add(String.valueOf(e).trim()));
    } else {
      Arrays.stream(String.valueOf(v).split(",")).map(String::trim).forEach(entries::add);
    }
    List<Subnet> subnets = new ArrayList<>();
    for (String e : entries) {
      for (String note : RANGES.getOrDefault(e, List.of(e))) {
        subnets.add(Subnet.parse(note));
      }
    }
    return subnets.isEmpty() ? NONE : new TrustProxy((address, hop) -> {
      byte[] ip = Subnet.literal(address);
      return ip != null && subnets.stream().anyMatch(s -> s.contains(ip));
    }, true);
  }

  /** Whether the client's address may differ from the socket's. */
  public boolean readsHeader() {
    return readsHeader;
  }

  /** The client's address ({@code req.ip}) for a request from {@code socketAddress} with that {@code X-Forwarded-For}. */
  public String clientAddress(String socketAddress, String forwardedFor) {
    if (!readsHeader || forwardedFor == null || forwardedFor.isBlank()) {
      return socketAddress;
    }
    List<String> addrs = new ArrayList<>();
    addrs.add(socketAddress);
    String[] hops = forwardedFor.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].trim();
      if (!hop.isEmpty()) {
        addrs.add(hop);
      }
    }
    for (int i = 0; i < addrs.size() - 1; i++) {
      if (!trust.trusts(addrs.get(i), i)) {
        return addrs.get(i);
      }
    }
    return addrs.get(addrs.size() - 1);
  }

  /** An address with a prefix length (proxy-addr's {@code parseipNotation}). */
  private record Subnet(byte[] network, int bits) {
    static Subnet parse(String note) {
      int slash = note.lastIndexOf('/');
      String address = slash < 0 ? note : note.substring(0, slash);
      byte[] ip = literal(address);
      if (ip == null) {
        throw new IllegalArgumentException("Invalid config value at '" + KEY + "': invalid IP address: " + address);
      }
      int max = ip.length * 8;
      int bits = max;
      if (slash >= 0) {
        String range = note.substring(slash + 1);
        byte[] mask = ip.length == 4 && !DIGITS.matcher(range).matches() ? literal(range) : null;
        bits = DIGITS.matcher(range).matches() ? Integer.parseInt(range) : mask != null && mask.length == 4 ? prefix(mask) : -1;
        if (bits <= 0 || bits > max) {
          throw new IllegalArgumentException("Invalid config value at '" + KEY + "': invalid range on address: " + note);
        }
      }
      return new Subnet(ip, bits);
    }

    boolean contains(byte[] ip) {
      byte[] candidate = ip;
      if (candidate.length != network.length) {
        candidate = candidate.length == 16 && network.length == 4 ? mapped4(candidate) : null;
        if (candidate == null) {
          return false; // an IPv4 address never matches an IPv6 subnet (proxy-addr's cross-family guard)
        }
      }
      for (int bit = 0; bit < bits; bit++) {
        int mask = 0x80 >>> (bit % 8);
        if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
          return false;
        }
      }
      return true;
    }

    private static byte[] mapped4(byte[] v6) {
      for (int i = 0; i < 10; i++) {
        if (v6[i] != 0) {
          return null;
        }
      }
      return v6[10] == (byte) 0xFF && v6[11] == (byte) 0xFF ? Arrays.copyOfRange(v6, 12, 16) : null;
    }

    private static int prefix(byte[] mask) {
      int bits = 0;
      for (byte b : mask) {
        bits += Integer.bitCount(b & 0xFF);
      }
      return bits;
    }

    /** The bytes of an IP literal (no name lookup), IPv4-mapped IPv6 as IPv4; null if it is no IP literal. */
    static byte[] literal(String address) {
      String a = address.trim();
      if (a.startsWith("[") && a.endsWith("]")) {
        a = a.substring(1, a.length() - 1);
      }
      boolean v4 = a.matches("\\d{1,3}(\\.\\d{1,3}){3}");
      if (!v4 && !(a.contains(":") && a.matches("[0-9A-Fa-f:.]+"))) {
        return null;
      }
      try {
        byte[] b = InetAddress.getByName(a).getAddress();
        return b;
      } catch (UnknownHostException e) {
        return null;
      }
    }
  }
}
