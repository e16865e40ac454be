package dev.greenroom.auth.backend.internal;

import dev.greenroom.auth.node.AuthProviderFactory;
import dev.greenroom.auth.node.AuthProviderFactoryContext;
import dev.greenroom.auth.node.AuthProviderRouteHandlers;
import dev.greenroom.backend.api.errors.NotFoundError;
import dev.greenroom.backend.api.services.Config;
import dev.greenroom.backend.api.services.LoggerService;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which provider answers below {@code /api/auth/<providerId>}, as upstream's bindProviderRouters
 * (plugins/auth-backend/src/providers/router.ts): a registered provider configured under {@code
 * auth.providers.<id>} gets its handlers; one whose factory fails is refused at start outside
 * development and answers 404 "misconfigured" in development; a registered but unconfigured one, 404.
 */
public final class ProviderRoutes {
  /** What a provider id resolves to: its handlers, or the error its routes answer with. */
  public record Entry(AuthProviderRouteHandlers handlers, String error) {}

  private final Map<String, Entry> entries;

  private ProviderRoutes(Map<String, Entry> entries) {
    this.entries = entries;
  }

  public static ProviderRoutes create(
      Map<String, AuthProviderFactory> factories,
      Optional<Config> providersConfig,
      String environment,
      Function<String, AuthProviderFactoryContext> contextFor,
      LoggerService logger) {
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (Map.Entry<String, AuthProviderFactory> e : factories.entrySet()) {
      String id = e.getKey();
      if (providersConfig.isEmpty() || !providersConfig.get().has(id)) {
        entries.put(id, new Entry(null, "No auth provider registered for '" + id + "'"));
        continue;
      }
      logger.info("Configuring auth provider: " + id);
      try {
        entries.put(id, new Entry(e.getValue().create(contextFor.apply(id)), null));
      } catch (Exception ex) {
        if (!"development".equals(environment)) {
          throw new IllegalStateException("Failed to initialize " + id + " auth provider, " + ex.getMessage(), ex);
        }
        logger.warn("Skipping " + id + " auth provider, " + ex.getMessage());
        entries.put(id, new Entry(null, "Auth provider registered for '" + id + "' is misconfigured. This could mean the configs under auth.providers."
            + id + " are missing or the environment variables used are not defined. Check the auth backend plugin logs when the backend starts to see more details."));
      }
    }
    return new ProviderRoutes(entries);
  }

  /** The handlers of {@code providerId}, or the 404 its routes answer with. */
  public AuthProviderRouteHandlers handlers(String providerId) {
    Entry entry = entries.get(providerId);
    if (entry == null) {
      throw new NotFoundError("Unknown auth provider '" + providerId + "'");
    }
    if (entry.handlers() == null) {
      throw new NotFoundError(entry.error());
    }
    return entry.handlers();
  }

  /** Ids of the providers that answer (configured and initialized), in registration order. */
  public java.util.List<String> active() {
    return entries.entrySet().stream().filter(e -> e.getValue().handlers() != null).map(Map.Entry::getKey).toList();
  }
}
