package dev.greenroom.http.internal.server;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A self-signed development certificate as Backstage generates it ({@code getGeneratedCertificate},
 * packages/backend-defaults/src/entrypoints/rootHttpRouter/http/getGeneratedCertificate.ts, which
 * uses the {@code selfsigned} package): RSA 2048, SHA-256, 30 days, subject {@code CN=dev-cert},
 * key usages and extended key usages as there, and the names {@code localhost},
 * {@code localhost.localdomain}, {@code 127.0.0.1}, {@code ::1}, {@code fe80::1} plus the host of
 * {@code backend.baseUrl}. (Backstage lists {@code [::1]} as a DNS name; the JDK refuses such a name
 * when it parses the certificate, so it is an IP address here.)
 */
public final class SelfSignedCertificate {
  static final Duration VALIDITY = Duration.ofDays(30);
  private static final Pattern IP_HOSTNAME = Pattern.compile(":|^\\d+\\.\\d+\\.\\d+\\.\\d+$");
  private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

  private SelfSignedCertificate() {}

  public static ServedCertificate generate(String hostname, Instant now) throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair keys = generator.generateKeyPair();
    byte[] sha256WithRsa = Der.sequence(Der.oid("1.2.840.113549.1.1.11"), Der.nul());
    byte[] name = Der.sequence(Der.set(Der.sequence(Der.oid("2.5.4.3"), Der.utf8("dev-cert"))));
    byte[] serial = new byte[16];
    new SecureRandom().nextBytes(serial);
    byte[] tbs = Der.sequence(
        Der.explicit(0, Der.integer(2)),
        Der.integer(new BigInteger(1, serial)),
        sha256WithRsa,
        name,
        Der.sequence(Der.utcTime(UTC_TIME.format(now.minusSeconds(60))), Der.utcTime(UTC_TIME.format(now.plus(VALIDITY)))),
        name,
        keys.getPublic().getEncoded(),
        Der.explicit(3, Der.sequence(
            extension("2.5.29.15", true, Der.bitString(new byte[] {(byte) 0xF4}, 2)), // keyUsage: digitalSignature,
            // nonRepudiation, keyEncipherment, dataEncipherment, keyCertSign
            extension("2.5.29.37", false, Der.sequence(
                Der.oid("1.3.6.1.5.5.7.3.1"), Der.oid("1.3.6.1.5.5.7.3.2"),
                Der.oid("1.3.6.1.5.5.7.3.3"), Der.oid("1.3.6.1.5.5.7.3.8"))),
            extension("2.5.29.17", false, Der.sequence(altNames(hostname).toArray(byte[][]::new))))));
    Signature signer = Signature.getInstance("SHA256withRSA");
    signer.initSign(keys.getPrivate());
    signer.update(tbs);
    byte[] der = Der.sequence(tbs, sha256WithRsa, Der.bitString(signer.sign(), 0));
    X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(der));
    return new ServedCertificate(keys.getPrivate(), List.of(cert));
  }

  private static byte[] extension(String oid, boolean critical, byte[] value) {
    return critical
        ? Der.sequence(Der.oid(oid), Der.bool(true), Der.octetString(value))
        : Der.sequence(Der.oid(oid), Der.octetString(value));
  }

  private static List<byte[]> altNames(String hostname) throws GeneralSecurityException {
    List<byte[]> names = new ArrayList<>();
    List<String> dns = new ArrayList<>(List.of("localhost", "localhost.localdomain"));
    List<String> ips = new ArrayList<>(List.of("127.0.0.1", "::1", "fe80::1"));
    String host = hostname.startsWith("[") && hostname.endsWith("]") ? hostname.substring(1, hostname.length() - 1) : hostname;
    if (!host.isEmpty() && !dns.contains(host) && !ips.contains(host)) {
      (IP_HOSTNAME.matcher(host).find() ? ips : dns).add(host);
    }
    for (String d : dns) {
      names.add(Der.implicit(2, d.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }
    for (String ip : ips) {
      try {
        // a literal only: getByName does not resolve it
        names.add(Der.implicit(7, InetAddress.getByName(ip).getAddress()));
      } catch (UnknownHostException e) {
        throw new GeneralSecurityException("not an IP address: " + ip, e);
      }
    }
    return names;
  }
}
