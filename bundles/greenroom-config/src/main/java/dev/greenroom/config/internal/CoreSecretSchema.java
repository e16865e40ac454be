package dev.greenroom.config.internal;

import dev.greenroom.config.ConfigSchema;

/**
 * The {@code "visibility": "secret"} marks of Backstage's core config, so that the root logger
 * redacts these values although no bundle ships a schema for them. Taken from upstream's
 * config.schema.json (compiled from config.d.ts {@code @visibility secret}) of
 * {@code @backstage/backend-defaults} (backend.auth, backend.database, backend.cache, backend.https),
 * {@code @backstage/integration} (integrations.*), {@code @backstage/integration-aws-node} (aws.*)
 * and the auth backend's provider modules (auth.providers.*.*.clientSecret, auth.session.secret).
 *
 * <p>Used only to collect secret values, never to validate: it has no constraints. Leaf marks
 * carry no {@code type}, so a secret written as a YAML number is redacted too; a {@code type} is
 * given only where upstream's schema chooses between a string and an object form (a connection
 * string is secret as a whole, an object only in its password).
 */
public final class CoreSecretSchema {
  private CoreSecretSchema() {}

  private static final String SECRET = "{\"visibility\": \"secret\"}";

  /** A database connection: secret as a string; as an object, its password (and Azure's client secret). */
  private static final String DB_CONNECTION = """
      {"anyOf": [
        {"type": "string", "visibility": "secret"},
        {"type": "object", "properties": {
          "password": %1$s,
          "connectionString": %1$s,
          "tokenCredential": {"type": "object", "properties": {"clientSecret": %1$s}}}}]}
      """.formatted(SECRET);

  private static final String CACHE_CLUSTER = """
      {"type": "object", "properties": {"cluster": {"type": "object", "properties": {
        "rootNodes": %1$s, "defaults": %1$s}}}}
      """.formatted(SECRET);

  /** Items of an integration list whose listed keys are secret. */
  private static String items(String... keys) {
    StringBuilder props = new StringBuilder();
    for (String k : keys) {
      if (props.length() > 0) {
        props.append(", ");
      }
      props.append('"').append(k).append("\": ").append(SECRET);
    }
    return "{\"type\": \"array\", \"items\": {\"type\": \"object\", \"properties\": {" + props + "}}}";
  }

  static final String JSON = """
      {"type": "object", "properties": {
        "backend": {"type": "object", "properties": {
          "auth": {"type": "object", "properties": {
            "keys": {"type": "array", "items": {"type": "object", "properties": {"secret": %1$s}}},
            "externalAccess": {"type": "array", "items": {"type": "object", "properties": {
              "options": {"type": "object", "properties": {"token": %1$s, "secret": %1$s}}}}}}},
          "database": {"type": "object", "properties": {
            "connection": %2$s,
            "plugin": {"type": "object", "additionalProperties": {"type": "object", "properties": {
              "connection": %2$s}}}}},
          "cache": {"type": "object", "properties": {
            "connection": %1$s,
            "redis": %3$s,
            "valkey": %3$s,
            "infinispan": {"type": "object", "properties": {"authentication": {"type": "object", "properties": {
              "password": %1$s, "token": %1$s}}}}}},
          "https": {"type": "object", "properties": {"certificate": {"type": "object", "properties": {
            "key": %1$s}}}}}},
        "integrations": {"type": "object", "properties": {
          "github": {"type": "array", "items": {"type": "object", "properties": {
            "token": %1$s,
            "apps": %4$s}}},
          "gitlab": %5$s,
          "azure": {"type": "array", "items": {"type": "object", "properties": {
            "commitSigningKey": %1$s,
            "credentials": %6$s}}},
          "bitbucketCloud": %7$s,
          "bitbucketServer": %8$s,
          "gerrit": %9$s,
          "gitea": %9$s,
          "awsS3": %10$s,
          "azureBlobStorage": {"type": "array", "items": {"type": "object", "properties": {
            "accountKey": %1$s, "sasToken": %1$s, "connectionString": %1$s,
            "aadCredential": {"type": "object", "properties": {"clientSecret": %1$s}}}}},
          "googleGcs": {"type": "object", "properties": {"privateKey": %1$s}},
          "harness": %11$s}},
        "aws": {"type": "object", "properties": {
          "mainAccount": {"type": "object", "properties": {"accessKeyId": %1$s, "secretAccessKey": %1$s}},
          "accounts": %12$s,
          "accountDefaults": {"type": "object", "properties": {"externalId": %1$s}}}},
        "auth": {"type": "object", "properties": {
          "session": {"type": "object", "properties": {"secret": %1$s}},
          "providers": {"type": "object", "additionalProperties": {"type": "object", "additionalProperties": {
            "type": "object", "properties": {"clientSecret": %1$s}}}}}}}}
      """.formatted(
          SECRET,
          DB_CONNECTION,
          CACHE_CLUSTER,
          items("clientSecret", "privateKey", "webhookSecret"),
          items("token", "commitSigningKey"),
          items("clientSecret", "personalAccessToken", "clientCertificate"),
          items("appPassword", "token", "clientId", "clientSecret", "commitSigningKey"),
          items("password", "token", "username", "commitSigningKey"),
          items("password", "username", "commitSigningKey"),
          items("secretAccessKey"),
          items("apiKey", "token"),
          items("accessKeyId", "secretAccessKey", "externalId"));

  /** The schema; its owner is {@code core}. */
  public static final ConfigSchema SCHEMA = ConfigSchema.parse("core", "greenroom-config core secrets", JSON);
}
