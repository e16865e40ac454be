package dev.greenroom.http.internal.server;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Lets the backend's own clients reach the backend over https: the JVM's default TLS context (used
 * by {@code java.net.http.HttpClient}, {@code HttpsURLConnection} and so Nimbus' JWKS fetches) trusts
 * the JDK's usual certificate authorities plus exactly the certificate this backend serves, for any
 * host name. A peer can only present that certificate if it has the backend's private key, so this
 * trusts nobody new; it is what makes plugin-to-plugin calls at discovery's {@code
 * https://localhost:7007/api/<id>} work with a self-signed or internal certificate (Node needs
 * {@code NODE_EXTRA_CA_CERTS} for the same).
 */
public final class ServedCertificateTrust extends X509ExtendedTrustManager {
  private final X509ExtendedTrustManager jdk;
  private final X509Certificate served;

  private ServedCertificateTrust(X509ExtendedTrustManager jdk, X509Certificate served) {
    this.jdk = jdk;
    this.served = served;
  }

  /** Makes the default SSL context trust {@code cert} too (replacing an earlier install). */
  public static synchronized void install(ServedCertificate cert) throws GeneralSecurityException {
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init((KeyStore) null);
    X509ExtendedTrustManager jdk = null;
    for (TrustManager tm : factory.getTrustManagers()) {
      if (tm instanceof X509ExtendedTrustManager x) {
        jdk = x;
      }
    }
    if (jdk == null) {
      throw new GeneralSecurityException("no X509 trust manager in " + factory.getAlgorithm());
    }
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {new ServedCertificateTrust(jdk, cert.leaf())}, null);
    SSLContext.setDefault(context);
    HttpsURLConnection.setDefaultSSLSocketFactory(context.getSocketFactory());
  }

  private boolean isServed(X509Certificate[] chain) {
    return chain != null && chain.length > 0 && served.equals(chain[0]);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    if (!isServed(chain)) {
      jdk.checkServerTrusted(chain, authType, socket);
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
    if (!isServed(chain)) {
      jdk.checkServerTrusted(chain, authType, engine);
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    if (!isServed(chain)) {
      jdk.checkServerTrusted(chain, authType);
    }
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    jdk.checkClientTrusted(chain, authType, socket);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
    jdk.checkClientTrusted(chain, authType, engine);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    jdk.checkClientTrusted(chain, authType);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return jdk.getAcceptedIssuers();
  }
}
