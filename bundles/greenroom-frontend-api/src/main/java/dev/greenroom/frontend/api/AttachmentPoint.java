package dev.greenroom.frontend.api;

/** A resolved attachment point: the input {@code input} of the extension {@code id}. */
public record AttachmentPoint(String id, String input) {
  @Override
  public String toString() {
    return id + "@" + input;
  }
}
