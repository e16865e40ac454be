package dev.greenroom.backend.api;

import dev.greenroom.backend.api.spi.ExtensionPointProvision;
import dev.greenroom.backend.api.spi.InitRegistration;
import dev.greenroom.backend.api.spi.Registration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** One run of an author's register callback, enforcing the registerInit rules. */
final class RegistrationPass implements RegistrationPoints {
  private final List<ExtensionPointProvision> extensionPoints = new ArrayList<>();
  private InitRegistration init;

  static Registration run(
      String type, String pluginId, String moduleId, Consumer<RegistrationPoints> register) {
    RegistrationPass pass = new RegistrationPass();
    register.accept(pass);
    if (pass.init == null) {
      String where = moduleId == null ? pluginId : moduleId + " module for " + pluginId;
      throw new IllegalStateException("registerInit was not called by register in " + where);
    }
    return new Registration(type, pluginId, moduleId, pass.extensionPoints, pass.init);
  }

  @Override
  public <T> void registerExtensionPoint(ExtensionPoint<T> ref, T impl) {
    checkBeforeInit();
    extensionPoints.add(new ExtensionPointProvision(ref, impl, null));
  }

  @Override
  public <T> void registerExtensionPointFactory(ExtensionPoint<T> ref, ExtensionPointFactory<T> factory) {
    checkBeforeInit();
    extensionPoints.add(new ExtensionPointProvision(ref, null, factory));
  }

  @Override
  public void registerInit(Deps deps, Init init) {
    if (this.init != null) {
      throw new IllegalStateException("registerInit must only be called once");
    }
    this.init = new InitRegistration(deps, init);
  }

  private void checkBeforeInit() {
    if (init != null) {
      throw new IllegalStateException("registerExtensionPoint called after registerInit");
    }
  }
}
