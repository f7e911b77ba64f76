package dev.puresnmp.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A long walk's progress on stderr, one line rewritten in place: "walk: 12000 rows, 8000 rows/s, 1.5 s",
 * at most ten times a second, and once more with the total at the end, then erased. Shown only when
 * stderr is a terminal and stdout is not (rows printed to the terminal are progress enough), never with
 * --quiet; a table, which prints nothing before its last cell, counts its cells whenever stderr is a
 * terminal.
 *
 * <pre>{@code
 * WalkProgress progress = WalkProgress.of(show, "walk", err);
 * progress.row();   // for every varbind printed
 * progress.done();  // the total, then the line erased
 * }</pre>
 */
final class WalkProgress {
  private static final long EVERY_NANOS = 100_000_000L;
  private static final WalkProgress NONE = new WalkProgress(null, null, null);

  private final String command;
  private final String unit;
  private final PrintWriter err;
  private final long start = System.nanoTime();
  private long rows;
  private long shown = start;

  private WalkProgress(String command, String unit, PrintWriter err) {
    this.command = command;
    this.unit = unit;
    this.err = err;
  }

  /** Progress on {@code err} when {@code wanted} and stderr is a terminal and stdout is not; else nothing. */
  static WalkProgress of(boolean wanted, String command, PrintWriter err) {
    return wanted && isTerminal(2) && !isTerminal(1) ? new WalkProgress(command, "rows", err) : NONE;
  }

  /** A table's progress, "table: 900 cells, …", on {@code err} when {@code wanted} and stderr is a terminal. */
  static WalkProgress ofCells(boolean wanted, String command, PrintWriter err) {
    return wanted && isTerminal(2) ? new WalkProgress(command, "cells", err) : NONE;
  }

  /** Whether file descriptor {@code fd} of this process is a terminal (Linux: its /proc link names a tty). */
  static boolean isTerminal(int fd) {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false; // not Linux, or not allowed to look: no progress
    }
  }

  void row() {
    if (err == null) {
      return;
    }
    rows++;
    long now = System.nanoTime();
    if (now - shown >= EVERY_NANOS) {
      shown = now;
      show(now);
    }
  }

  void done() {
    if (err == null) {
      return;
    }
    show(System.nanoTime());
    err.print("\r\033[K"); // erase it: the terminal is left as it was
    err.flush();
  }

  private void show(long now) {
    double seconds = (now - start) / 1e9;
    long rate = seconds > 0 ? Math.round(rows / seconds) : 0;
    err.print(String.format(java.util.Locale.ROOT, "\r%s: %d %s, %d %s/s, %.1f s\033[K", command, rows, unit, rate, unit, seconds));
    err.flush();
  }
}
