/** core.cache in plain Java: settings, stores (Caffeine, Jedis) and per-plugin namespaces. */
package dev.greenroom.cache.internal;
