package com.acme.util;

/** A library class: this project builds a bundle, but no Greenroom feature. */
public final class Strings {
  private Strings() {}

  public static String shout(String s) {
    return s.toUpperCase(java.util.Locale.ROOT);
  }
}
