package com.acme.sample.backend;

import com.acme.sample.node.Greeting;
import dev.greenroom.backend.api.BackendFeature;
import dev.greenroom.backend.api.BackendPlugin;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.RegistrationPoints;
import dev.greenroom.backend.api.annotations.GreenroomPlugin;
import dev.greenroom.backend.api.services.HttpRouterServiceAuthPolicy;
import dev.greenroom.http.router.Router;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/** Plugin `sample`: GET /api/sample/hello (no credentials) answers {"greeting": Greeting.text()}. */
@GreenroomPlugin(id = "sample")
@Component(service = BackendFeature.class)
public class SamplePlugin extends BackendPlugin {
  @Override
  protected void register(RegistrationPoints env) {
    env.registerInit(CoreServices.HTTP_ROUTER, router -> {
      router.addAuthPolicy(HttpRouterServiceAuthPolicy.unauthenticated("/hello"));
      router.use(Router.create().get("/hello", req -> Map.of("greeting", Greeting.text())).build());
    });
  }
}
