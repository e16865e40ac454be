package dev.greenroom.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenroom.config.LiveRootConfig;
import dev.greenroom.config.RootConfigOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Backstage's core secret keys (upstream config.d.ts {@code @visibility secret}) are redacted by
 * the root logger without any plugin schema: a value at each key, loaded by the real
 * core.rootConfig from app-config.yaml, never appears in a log line. Values at neighbouring
 * non-secret keys do.
 */
class CoreSecretsRedactionTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  /** key (for the message) -> a unique value placed there by the YAML below. */
  private static final Map<String, String> SECRETS = new LinkedHashMap<>();

  static {
    SECRETS.put("backend.auth.keys[].secret", "legacy-key-secret-1");
    SECRETS.put("backend.auth.externalAccess[].options.token", "static-token-secret-2");
    SECRETS.put("backend.auth.externalAccess[].options.secret", "legacy-hmac-secret-3");
    SECRETS.put("backend.database.connection.password", "db-password-secret-4");
    SECRETS.put("backend.database.plugin.catalog.connection (string)", "postgresql://u:pw5@db2:5432/cat");
    SECRETS.put("backend.cache.connection", "redis://user:cache-secret-6@redis:6379");
    SECRETS.put("backend.https.certificate.key", "-----BEGIN PRIVATE KEY-----tls7");
    SECRETS.put("integrations.github[].token", "ghp_github-token-secret-8");
    SECRETS.put("integrations.github[].apps[].clientSecret", "gh-app-client-secret-9");
    SECRETS.put("integrations.github[].apps[].privateKey", "gh-app-private-key-10");
    SECRETS.put("integrations.github[].apps[].webhookSecret", "gh-webhook-secret-11");
    SECRETS.put("integrations.gitlab[].token", "glpat-gitlab-secret-12");
    SECRETS.put("integrations.bitbucketServer[].password", "bb-password-secret-13");
    SECRETS.put("integrations.azure[].credentials[].clientSecret", "azure-client-secret-14");
    SECRETS.put("integrations.awsS3[].secretAccessKey", "aws-s3-secret-15");
    SECRETS.put("aws.mainAccount.secretAccessKey", "aws-main-secret-16");
    SECRETS.put("auth.providers.github.development.clientSecret", "oauth-client-secret-17");
    SECRETS.put("auth.session.secret", "session-secret-18");
    SECRETS.put("backend.auth.externalAccess[].options.token (a YAML number)", "918273645");
    SECRETS.put("backend.cache.redis.cluster.rootNodes", "redis://:cluster-secret-19@r1:6379");
  }

  private static final String YAML = """
      backend:
        baseUrl: http://backstage.example.com
        auth:
          keys:
            - secret: legacy-key-secret-1
          externalAccess:
            - type: static
              options: { token: static-token-secret-2, subject: ci-subject }
            - type: legacy
              options: { secret: legacy-hmac-secret-3, subject: old-subject }
            - type: static
              options: { token: 918273645, subject: numeric-subject }
        database:
          client: pg
          connection: { host: db-host-visible, port: 5432, user: db-user-visible, password: db-password-secret-4 }
          plugin:
            catalog:
              connection: postgresql://u:pw5@db2:5432/cat
        cache:
          store: redis
          connection: redis://user:cache-secret-6@redis:6379
          redis:
            cluster:
              rootNodes: [ "redis://:cluster-secret-19@r1:6379" ]
        https:
          certificate: { cert: cert-visible, key: "-----BEGIN PRIVATE KEY-----tls7" }
      integrations:
        github:
          - host: github-host-visible
            token: ghp_github-token-secret-8
            apps:
              - appId: 1
                clientId: gh-client-id-visible
                clientSecret: gh-app-client-secret-9
                privateKey: gh-app-private-key-10
                webhookSecret: gh-webhook-secret-11
        gitlab:
          - host: gitlab-host-visible
            token: glpat-gitlab-secret-12
        bitbucketServer:
          - host: bitbucket-host-visible
            password: bb-password-secret-13
        azure:
          - host: dev.azure.com
            credentials:
              - clientId: azure-client-id-visible
                clientSecret: azure-client-secret-14
                tenantId: tenant-visible
        awsS3:
          - accessKeyId: s3-access-key-visible-in-s3
            secretAccessKey: aws-s3-secret-15
      aws:
        mainAccount:
          secretAccessKey: aws-main-secret-16
      auth:
        session:
          secret: session-secret-18
        providers:
          github:
            development:
              clientId: oauth-client-id-visible
              clientSecret: oauth-client-secret-17
      """;

  private static final List<String> VISIBLE = List.of(
      "db-host-visible", "db-user-visible", "ci-subject", "github-host-visible", "gh-client-id-visible",
      "azure-client-id-visible", "oauth-client-id-visible", "http://backstage.example.com", "cert-visible");

  @Test
  void everyCoreSecretIsRedactedFromLogLinesAndNothingElse() throws Exception {
    Files.writeString(dir.resolve("app-config.yaml"), YAML);
    LogSettings settings = new LogSettings(Level.INFO, LogFormat.JSON);
    Log4jHarness out = Log4jHarness.configure(settings, dir);
    try (LiveRootConfig config =
        LiveRootConfig.load(RootConfigOptions.builder().configDir(dir).env(Map.of()).build())) {
      GreenroomLogger logger = RootLoggerFactory.create(config, settings, LoggerFactory::getLogger);

      for (var e : SECRETS.entrySet()) {
        logger.info("value of " + e.getKey() + " is <" + e.getValue() + ">");
      }
      logger.info("visible: " + String.join(" ", VISIBLE));

      List<String> lines = out.lines();
      assertEquals(SECRETS.size() + 1, lines.size());
      int i = 0;
      for (var e : SECRETS.entrySet()) {
        String message = JSON.readTree(lines.get(i++)).get("message").asText();
        assertEquals("value of " + e.getKey() + " is <[REDACTED]>", message, e.getKey());
      }
      String visible = JSON.readTree(lines.get(i)).get("message").asText();
      for (String v : VISIBLE) {
        assertTrue(visible.contains(v), v + " must not be redacted: " + visible);
      }
      assertFalse(visible.contains("[REDACTED]"), visible);
    }
  }
}
