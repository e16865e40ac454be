package com.acme.sample.node;

/** What plugin `sample` says (a node library type, as a plugin's extension point types are). */
public final class Greeting {
  private Greeting() {}

  public static String text() {
    return "hello from sample";
  }
}
