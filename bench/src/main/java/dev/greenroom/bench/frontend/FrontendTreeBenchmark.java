package dev.greenroom.bench.frontend;

import dev.greenroom.frontend.api.ConfigSchema;
import dev.greenroom.frontend.api.ConfigSchema.Field;
import dev.greenroom.frontend.api.CoreExtensionData;
import dev.greenroom.frontend.api.ExtensionDataRef;
import dev.greenroom.frontend.api.ExtensionDefinition;
import dev.greenroom.frontend.api.ExtensionInput;
import dev.greenroom.frontend.api.FrontendFeature;
import dev.greenroom.frontend.api.FrontendPlugin;
import dev.greenroom.frontend.api.Html;
import dev.greenroom.frontend.api.InputValue;
import dev.greenroom.frontend.api.View;
import dev.greenroom.frontend.api.blueprints.NavItemBlueprint;
import dev.greenroom.frontend.runtime.FrontendApp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Resolve + build + instantiate a synthetic frontend tree ({@code FrontendApp.create}): P plugins,
 * each with one page (a card list input and a config schema), one nav item and C cards attached to
 * its page; plus the default app plugin and an {@code app.extensions} list that configures every
 * 10th page and disables every 10th card. Shape {@code "PxC"}; 100x98 is 10,000 plugin extensions.
 * Target: at most 50 ms per app for 10,000 extensions.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class FrontendTreeBenchmark {
  static final ExtensionDataRef<View> CARD = ExtensionDataRef.of("bench.card");

  @Param({"100x98"})
  public String shape;

  private List<FrontendFeature> features;
  private List<Object> appExtensions;
  private int expectedExtensions;

  @Setup
  public void setUp() {
    String[] pc = shape.split("x");
    int plugins = Integer.parseInt(pc[0]);
    int cards = Integer.parseInt(pc[1]);
    features = new ArrayList<>();
    appExtensions = new ArrayList<>();
    for (int p = 0; p < plugins; p++) {
      String pluginId = "plugin" + p;
      List<ExtensionDefinition> defs = new ArrayList<>();
      defs.add(page());
      defs.add(NavItemBlueprint.make(null, "Plugin " + p, "/" + pluginId));
      for (int c = 0; c < cards; c++) {
        String text = "card " + c;
        defs.add(ExtensionDefinition.builder().kind("card").name("c" + c).attachTo("page:" + pluginId, "cards")
            .output(CARD).factory(ctx -> List.of(CARD.value(rc -> Html.text(text)))).build());
        if (c % 10 == 0) {
          appExtensions.add(Map.of("card:" + pluginId + "/c" + c, false));
        }
      }
      if (p % 10 == 0) {
        appExtensions.add(Map.of("page:" + pluginId, Map.of("config", Map.of("path", "/p" + p, "columns", 3))));
      }
      features.add(FrontendPlugin.create(pluginId, defs.toArray(ExtensionDefinition[]::new)));
    }
    expectedExtensions = plugins * (cards + 2);
    FrontendApp check = FrontendApp.create(features, appExtensions);
    if (!check.errors().isEmpty() || check.tree().nodes().size() < expectedExtensions) {
      throw new IllegalStateException("bad synthetic app: " + check.errors());
    }
    if (check.renderer().render("/plugin1").status() != 200) {
      throw new IllegalStateException("page /plugin1 did not render");
    }
  }

  static ExtensionDefinition page() {
    return ExtensionDefinition.builder()
        .kind("page").attachTo("app/routes", "routes")
        .input("cards", ExtensionInput.of(CARD))
        .output(CoreExtensionData.ROUTE_PATH, CoreExtensionData.VIEW)
        .config(ConfigSchema.of(Field.string("path").optional(), Field.integer("columns").defaultsTo(2)))
        .emitting((ctx, out) -> {
          List<View> cards = new ArrayList<>();
          for (InputValue v : ctx.inputs().list("cards")) {
            cards.add(v.get(CARD));
          }
          String path = ctx.config().string("path");
          out.emit(CoreExtensionData.ROUTE_PATH, path != null ? path : "/" + ctx.node().pluginId());
          out.emit(CoreExtensionData.VIEW, rc -> {
            List<Html> html = new ArrayList<>();
            for (View c : cards) {
              html.add(c.render(rc));
            }
            return Html.concat(html);
          });
        })
        .build();
  }

  /** One operation: resolve node specs, build the tree, instantiate it. */
  @Benchmark
  public FrontendApp resolveAndInstantiate() {
    FrontendApp app = FrontendApp.create(features, appExtensions);
    if (app.startupFailed()) {
      throw new IllegalStateException(app.startupFailures().toString());
    }
    return app;
  }
}
