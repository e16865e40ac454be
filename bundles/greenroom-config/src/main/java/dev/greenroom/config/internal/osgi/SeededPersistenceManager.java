package dev.greenroom.config.internal.osgi;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Enumeration;
import org.apache.felix.cm.PersistenceManager;

/**
 * Felix ConfigAdmin's own file persistence manager under the name {@value #NAME}: ConfigAdmin is
 * told to wait for it ({@code felix.cm.pm=greenroom}) and it is registered only once
 * {@link ListenSeedComponent} has stored Pax Web's listen configuration in it. Every call goes to
 * the file persistence manager, so configurations are kept exactly where and how they were
 * before.
 */
final class SeededPersistenceManager implements PersistenceManager {
  static final String NAME = "greenroom";

  private final PersistenceManager file;

  SeededPersistenceManager(PersistenceManager file) {
    this.file = file;
  }

  @Override
  public boolean exists(String pid) {
    return file.exists(pid);
  }

  @Override
  @SuppressWarnings("rawtypes")
  public Dictionary load(String pid) throws IOException {
    return file.load(pid);
  }

  @Override
  @SuppressWarnings("rawtypes")
  public Enumeration getDictionaries() throws IOException {
    return file.getDictionaries();
  }

  @Override
  @SuppressWarnings("rawtypes")
  public void store(String pid, Dictionary properties) throws IOException {
    file.store(pid, properties);
  }

  @Override
  public void delete(String pid) throws IOException {
    file.delete(pid);
  }
}
