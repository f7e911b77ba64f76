package dev.puresnmp.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The charts of BENCHMARKS.md as SVG, built as plain strings (no dependency): requests/s against requests in
 * flight (log x axis) per client for one target, and bulk-walk wall time per client as grouped bars, one panel
 * per table. Every point is a median with a min–max whisker. Reads the figures {@link Summary} collected.
 */
final class SvgCharts {
  private static final int[] WINDOWS = {1, 16, 256, 1024};
  private static final String[][] CLIENTS = {
    {"ours", "puresnmp (defaults)", "#1f77b4", ""},
    {"ours-direct", "puresnmp, I/O-thread callbacks", "#17becf", ""},
    {"snmp4j-default", "SNMP4J 3.8.2, default buffer", "#d62728", ""},
    {"snmp4j-4MiB", "SNMP4J 3.8.2, 4 MiB buffer", "#ff7f0e", ""},
    {"raw-nio", "raw NIO (no codec, no futures)", "#2ca02c", "6,4"},
  };
  private static final String[][] WALKERS = {
    {"puresnmp", "puresnmp", "#1f77b4"},
    {"snmp4j", "SNMP4J 3.8.2", "#d62728"},
    {"snmpbulkwalk", "snmpbulkwalk (Net-SNMP)", "#7f7f7f"},
  };

  private final Map<String, Summary.Value> v;
  private final String date;
  private final boolean quick;

  SvgCharts(Map<String, Summary.Value> values, String date, boolean quick) {
    this.v = values;
    this.date = date;
    this.quick = quick;
  }

  /** Requests/s against requests in flight for one target ("c" or "snmpd"). */
  String transport(String target) {
    int w = 800;
    int h = 460;
    int left = 80;
    int right = 270;
    int top = 70;
    int bottom = 70;
    int pw = w - left - right;
    int ph = h - top - bottom;
    double max = 0;
    for (String[] c : CLIENTS) {
      for (int win : WINDOWS) {
        Summary.Value x = v.get(key(target, win, c[0]));
        if (x != null) {
          max = Math.max(max, x.max());
        }
      }
    }
    double ymax = niceMax(max);
    StringBuilder s = header(w, h);
    title(s, w, (target.equals("c") ? "GET round trips against the C responder (udpbench)" : "GET round trips against Net-SNMP snmpd") + ": requests/s by requests in flight");
    // axes and grid
    yGrid(s, left, top, pw, ph, ymax, true);
    for (int win : WINDOWS) {
      double x = xLog(win, left, pw);
      s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>%n", x, top, x, top + ph));
      s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"12\">%,d</text>%n", x, top + ph + 18, win));
    }
    axes(s, left, top, pw, ph);
    s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"13\">requests in flight (log scale)</text>%n", left + pw / 2.0, top + ph + 40));
    s.append(String.format(Locale.ROOT, "<text transform=\"translate(18,%.1f) rotate(-90)\" text-anchor=\"middle\" font-size=\"13\">requests/s (median over rounds; whiskers: min–max)</text>%n", top + ph / 2.0));
    // series
    int ly = top + 10;
    for (String[] c : CLIENTS) {
      List<double[]> pts = new ArrayList<>();
      for (int win : WINDOWS) {
        Summary.Value x = v.get(key(target, win, c[0]));
        if (x != null) {
          pts.add(new double[] {xLog(win, left, pw), yLin(x.med(), top, ph, ymax), yLin(x.min(), top, ph, ymax), yLin(x.max(), top, ph, ymax)});
        }
      }
      if (pts.isEmpty()) {
        continue;
      }
      StringBuilder line = new StringBuilder();
      for (double[] p : pts) {
        line.append(String.format(Locale.ROOT, "%.1f,%.1f ", p[0], p[1]));
        s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>%n", p[0], p[2], p[0], p[3], c[2]));
        s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"/>%n", p[0], p[1], c[2]));
      }
      s.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s/>%n", line.toString().trim(), c[2],
          c[3].isEmpty() ? "" : " stroke-dasharray=\"" + c[3] + "\""));
      legendLine(s, left + pw + 20, ly, c[2], c[3], c[1]);
      ly += 22;
    }
    return s.append("</svg>\n").toString();
  }

  /** Bulk-walk wall time, grouped bars per -Cr, one panel per table. */
  String walks() {
    List<String> tables = new ArrayList<>();
    for (String rows : List.of("10000", "100000")) {
      if (v.containsKey("walk." + rows + ".10.puresnmp.wall_ms") || v.containsKey("walk." + rows + ".50.puresnmp.wall_ms")) {
        tables.add(rows);
      }
    }
    int panelW = 300;
    int gap = 90;
    int left = 80;
    int right = 230;
    int top = 90;
    int bottom = 70;
    int ph = 300;
    int w = Math.max(800, left + tables.size() * panelW + (tables.size() - 1) * gap + right);
    int h = top + ph + bottom;
    StringBuilder s = header(w, h);
    title(s, w, "Bulk walk of snmpd's big table (4 columns): wall time per walk");
    for (int t = 0; t < tables.size(); t++) {
      String rows = tables.get(t);
      int x0 = left + t * (panelW + gap);
      double max = 0;
      for (String reps : List.of("10", "50")) {
        for (String[] c : WALKERS) {
          Summary.Value x = v.get("walk." + rows + "." + reps + "." + c[0] + ".wall_ms");
          if (x != null) {
            max = Math.max(max, x.max());
          }
        }
      }
      double ymax = niceMax(max);
      long n = Long.parseLong(rows);
      s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"bold\">%,d rows (%,d varbinds)</text>%n", x0 + panelW / 2.0, top - 12, n, n * 4));
      yGrid(s, x0, top, panelW, ph, ymax, false);
      axes(s, x0, top, panelW, ph);
      int groupW = panelW / 2;
      int barW = 28;
      List<String> reps = List.of("10", "50");
      for (int g = 0; g < reps.size(); g++) {
        double gx = x0 + g * groupW + (groupW - WALKERS.length * barW) / 2.0;
        for (int b = 0; b < WALKERS.length; b++) {
          Summary.Value x = v.get("walk." + rows + "." + reps.get(g) + "." + WALKERS[b][0] + ".wall_ms");
          if (x == null) {
            continue;
          }
          double bx = gx + b * barW;
          double y = yLin(x.med(), top, ph, ymax);
          s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"%s\"><title>%s: %.0f ms (%.0f–%.0f)</title></rect>%n",
              bx + 2, y, barW - 4, top + ph - y, WALKERS[b][2], esc(WALKERS[b][1]), x.med(), x.min(), x.max()));
          double cx = bx + barW / 2.0;
          double y1 = yLin(x.min(), top, ph, ymax);
          double y2 = yLin(x.max(), top, ph, ymax);
          s.append(String.format(Locale.ROOT, "<path d=\"M%.1f,%.1f V%.1f M%.1f,%.1f H%.1f M%.1f,%.1f H%.1f\" stroke=\"#000\" fill=\"none\"/>%n",
              cx, y1, y2, cx - 5, y1, cx + 5, cx - 5, y2, cx + 5));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"12\">-Cr%s</text>%n", x0 + g * groupW + groupW / 2.0, top + ph + 18, reps.get(g)));
      }
      s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"13\">max-repetitions</text>%n", x0 + panelW / 2.0, top + ph + 40));
    }
    s.append(String.format(Locale.ROOT, "<text transform=\"translate(18,%.1f) rotate(-90)\" text-anchor=\"middle\" font-size=\"13\">ms per walk (median; whiskers: min–max)</text>%n", top + ph / 2.0));
    int lx = w - right + 30;
    int ly = top + 10;
    for (String[] c : WALKERS) {
      s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"14\" fill=\"%s\"/>%n", lx, ly - 11, c[2]));
      s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\">%s</text>%n", lx + 20, ly, esc(c[1])));
      ly += 22;
    }
    return s.append("</svg>\n").toString();
  }

  private static String key(String target, int window, String client) {
    return "transport." + target + "." + window + "." + client + ".rps";
  }

  private StringBuilder header(int w, int h) {
    StringBuilder s = new StringBuilder();
    s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\">%n", w, h, w, h));
    s.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"#fff\"/>%n", w, h));
    return s;
  }

  private void title(StringBuilder s, int w, String text) {
    s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"24\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\">%s</text>%n", w / 2, esc(text)));
    String sub = "./run-benchmarks" + (quick ? " --quick" : "") + ", " + date + ", loopback, 2 vCPUs" + (quick ? ": a quick run, its figures are not for reporting" : "");
    s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"44\" text-anchor=\"middle\" font-size=\"12\" fill=\"#555\">%s</text>%n", w / 2, esc(sub)));
  }

  /** Five horizontal grid lines up to ymax, labelled on the left (as rates: 80k). */
  private static void yGrid(StringBuilder s, int x, int top, int pw, int ph, double ymax, boolean rates) {
    for (int i = 0; i <= 5; i++) {
      double y = top + ph - ph * i / 5.0;
      s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n", x, y, x + pw, y));
      s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" font-size=\"12\">%s</text>%n", x - 6, y + 4,
          rates ? rate(ymax * i / 5) : trim(ymax * i / 5)));
    }
  }

  private static void axes(StringBuilder s, int x, int y, int pw, int ph) {
    s.append(String.format(Locale.ROOT, "<path d=\"M%d,%d V%d H%d\" stroke=\"#000\" fill=\"none\"/>%n", x, y, y + ph, x + pw));
  }

  private static void legendLine(StringBuilder s, int x, int y, String color, String dash, String label) {
    s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"%s/>%n", x, y - 4, x + 24, y - 4, color,
        dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\""));
    s.append(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"3.5\" fill=\"%s\"/>%n", x + 12, y - 4, color));
    s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\">%s</text>%n", x + 30, y, esc(label)));
  }

  /** x of a window on a log2 axis from 1 to 1,024, with a margin on both sides. */
  private static double xLog(int window, int left, int pw) {
    double f = Math.log(window) / Math.log(1024);
    return left + 20 + f * (pw - 40);
  }

  private static double yLin(double value, int top, int ph, double ymax) {
    return top + ph - ph * value / ymax;
  }

  /** The smallest "round" number (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 x 10^k) at or above v (v > 0), for 5 even ticks. */
  static double niceMax(double v) {
    if (!(v > 0)) {
      return 1;
    }
    double p = Math.pow(10, Math.floor(Math.log10(v)));
    for (double m : new double[] {1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
      if (m * p >= v * 1.02) {
        return m * p;
      }
    }
    return 10 * p;
  }

  private static String rate(double r) {
    return r == 0 ? "0" : r >= 1000 ? trim(r / 1000) + "k" : trim(r);
  }

  private static String trim(double d) {
    return d == Math.rint(d) ? String.format(Locale.ROOT, "%,.0f", d) : String.format(Locale.ROOT, "%,.1f", d);
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
