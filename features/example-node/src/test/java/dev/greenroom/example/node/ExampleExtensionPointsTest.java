package dev.greenroom.example.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ExampleExtensionPointsTest {
  @Test
  void examplesExtensionPointHasBackstageIdAndType() {
    assertEquals("examples", ExampleExtensionPoints.EXAMPLES.id());
    assertEquals(ExamplesExtensionPoint.class, ExampleExtensionPoints.EXAMPLES.type());
    assertEquals("extensionPoint{examples}", ExampleExtensionPoints.EXAMPLES.toString());
  }

  @Test
  void tagsExtensionPointHasIdAndType() {
    assertEquals("example.tags", ExampleExtensionPoints.TAGS.id());
    assertEquals(ExampleTagsExtensionPoint.class, ExampleExtensionPoints.TAGS.type());
    assertEquals("extensionPoint{example.tags}", ExampleExtensionPoints.TAGS.toString());
  }

  @Test
  void exampleRendersAsNameAndSource() {
    assertEquals("hello (greetings)", new Example("hello", "greetings").toString());
    assertEquals(new Example("hello", "greetings"), new Example("hello", "greetings"));
  }

  @Test
  void exampleRejectsNulls() {
    assertThrows(NullPointerException.class, () -> new Example(null, "greetings"));
    assertThrows(NullPointerException.class, () -> new Example("hello", null));
  }
}
