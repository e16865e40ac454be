package dev.greenroom.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.servlet.GenericServlet;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import org.junit.jupiter.api.Test;

class RouteTableTest {
  private static final class Noop extends GenericServlet {
    private static final long serialVersionUID = 1L;

    @Override
    public void service(ServletRequest req, ServletResponse res) {}
  }

  @Test
  void matchesTheMountAtSegmentBoundariesWithTheRestOfThePath() {
    RouteTable table = new RouteTable();
    RouteTable.Route a = table.use("/api/a", new Noop());
    RouteTable.Route deep = table.use("/api/b/c/", new Noop());
    table.use("/api/aa", new Noop());

    assertSame(a, table.match("/api/a").route());
    assertEquals("", table.match("/api/a").rest());
    assertEquals("/", table.match("/api/a/").rest());
    assertEquals("/x/y", table.match("/api/a/x/y").rest());
    assertSame(deep, table.match("/api/b/c/d").route());
    assertEquals("/d", table.match("/api/b/c/d").rest());
    assertEquals("/api/aa", table.match("/api/aa/x").route().path());
    assertNull(table.match("/api/ab"));
    assertNull(table.match("/api/b"));
    assertNull(table.match("/api"));
    assertNull(table.match("/"));
    assertSame(a, table.exact("/api/a"));
    assertNull(table.exact("/api/a/x"));
  }

  @Test
  void mountsMatchInAnyCaseAsExpressAndConflictInAnyCase() {
    RouteTable table = new RouteTable();
    RouteTable.Route a = table.use("/api/Catalog", new Noop());
    RouteTable.Match m = table.match("/API/catalog/Entities/X");
    assertSame(a, m.route());
    assertEquals("/API/catalog", m.mountPath());
    assertEquals("/Entities/X", m.rest());
    assertSame(a, table.exact("/api/catalog"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> table.use("/API/CATALOG/x", new Noop()));
    assertEquals("Path /API/CATALOG/x conflicts with the existing path /api/Catalog", e.getMessage());
  }

  @Test
  void aRootMountSeesEveryPath() {
    RouteTable table = new RouteTable();
    RouteTable.Route root = table.use("/", new Noop());

    assertSame(root, table.match("/anything/else").route());
    assertEquals("/anything/else", table.match("/anything/else").rest());
  }

  @Test
  void clearForgetsEveryMount() {
    RouteTable table = new RouteTable();
    table.use("/api/a", new Noop());
    table.clear();

    assertNull(table.match("/api/a/x"));
    table.use("/api/a", new Noop()); // no conflict with the cleared mount
  }

  @Test
  void conflictsAreRefusedWithBackstagesMessage() {
    RouteTable table = new RouteTable();
    table.use("/api/a", new Noop());

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> table.use("/api/a/b", new Noop()));
    assertEquals("Path /api/a/b conflicts with the existing path /api/a", e.getMessage());
    table.use("/x/b", new Noop());
    table.use("/x/a", new Noop());
    // several clash: the first mounted is named
    assertEquals("Path /x conflicts with the existing path /x/b",
        assertThrows(IllegalArgumentException.class, () -> table.use("/x", new Noop())).getMessage());
  }
}
