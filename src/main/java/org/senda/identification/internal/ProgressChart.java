package org.senda.identification.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A small line chart of a pupil's scores against their year group's median, drawn on the server as SVG: no
 * script, no inline style (the page's content security policy forbids both), {@code role="img"} with a title and a
 * description, and the same figures in a table beside it for anyone who cannot see the chart.
 */
final class ProgressChart {

  private static final int WIDTH = 560;
  private static final int HEIGHT = 240;
  private static final int LEFT = 48;
  private static final int RIGHT = 16;
  private static final int TOP = 16;
  private static final int BOTTOM = 56;

  private ProgressChart() {}

  static String svg(String id, String title, ProgressExplanation explanation) {
    List<@Nullable Double> pupil = explanation.pupilScores();
    List<@Nullable Double> peers = explanation.peerMedianScores();
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    for (List<@Nullable Double> series : List.of(pupil, peers)) {
      for (Double value : series) {
        if (value != null) {
          min = Math.min(min, value);
          max = Math.max(max, value);
        }
      }
    }
    if (min > max) {
      min = 0;
      max = 1;
    }
    min = Math.floor((min - 2) / 5) * 5;
    max = Math.ceil((max + 2) / 5) * 5;
    int n = explanation.points().size();
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"senda-chart\" role=\"img\" viewBox=\"0 0 ")
        .append(WIDTH).append(' ').append(HEIGHT).append("\" aria-labelledby=\"").append(id).append("-title ")
        .append(id).append("-desc\">");
    svg.append("<title id=\"").append(id).append("-title\">").append(escape(title)).append("</title>");
    svg.append("<desc id=\"").append(id).append("-desc\">").append(escape(describe(explanation))).append("</desc>");
    // Axes and gridlines at the bottom, middle and top of the range.
    for (double value : new double[] {min, (min + max) / 2, max}) {
      double y = y(value, min, max);
      svg.append(String.format(Locale.ROOT,
          "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#b1b4b6\" stroke-width=\"1\"/>",
          LEFT, y, WIDTH - RIGHT, y));
      svg.append(String.format(Locale.ROOT,
          "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" font-size=\"12\" fill=\"#0b0c0c\">%s</text>",
          LEFT - 6, y + 4, AssessmentSetup.plain(Math.round(value * 10) / 10.0)));
    }
    for (int i = 0; i < n; i++) {
      svg.append(String.format(Locale.ROOT,
          "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"11\" fill=\"#0b0c0c\">%s</text>",
          x(i, n), HEIGHT - BOTTOM + 18 + (i % 2) * 14, escape(shortLabel(explanation.points().get(i)))));
    }
    series(svg, peers, n, min, max, "#505a5f", "6 4", "square");
    series(svg, pupil, n, min, max, "#1d70b8", null, "circle");
    // Legend.
    int ly = HEIGHT - 8;
    svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#1d70b8\" "
        + "stroke-width=\"3\"/><text x=\"%d\" y=\"%d\" font-size=\"12\" fill=\"#0b0c0c\">Pupil</text>",
        LEFT, ly - 4, LEFT + 24, ly - 4, LEFT + 30, ly));
    svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#505a5f\" "
        + "stroke-width=\"3\" stroke-dasharray=\"6 4\"/><text x=\"%d\" y=\"%d\" font-size=\"12\" fill=\"#0b0c0c\">"
        + "Year group median</text>", LEFT + 100, ly - 4, LEFT + 124, ly - 4, LEFT + 130, ly));
    svg.append("</svg>");
    return svg.toString();
  }

  private static void series(StringBuilder svg, List<@Nullable Double> values, int n, double min, double max,
      String colour, @Nullable String dash, String marker) {
    List<String> points = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Double value = values.get(i);
      if (value != null) {
        points.add(String.format(Locale.ROOT, "%.1f,%.1f", x(i, n), y(value, min, max)));
      }
    }
    if (points.size() > 1) {
      svg.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"3\"");
      if (dash != null) {
        svg.append(" stroke-dasharray=\"").append(dash).append('"');
      }
      svg.append(" points=\"").append(String.join(" ", points)).append("\"/>");
    }
    for (int i = 0; i < n; i++) {
      Double value = values.get(i);
      if (value == null) {
        continue;
      }
      double cx = x(i, n);
      double cy = y(value, min, max);
      if (marker.equals("circle")) {
        svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"/>", cx, cy, colour));
      } else {
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"8\" height=\"8\" fill=\"%s\"/>",
            cx - 4, cy - 4, colour));
      }
    }
  }

  private static double x(int i, int n) {
    return n <= 1 ? LEFT : LEFT + 12 + (double) i * (WIDTH - LEFT - RIGHT - 24) / (n - 1);
  }

  private static double y(double value, double min, double max) {
    return TOP + (max - value) * (HEIGHT - TOP - BOTTOM) / (max - min);
  }

  /** "Autumn term 2025/26" becomes "Aut 25/26" so that nine points fit under the chart. */
  static String shortLabel(String label) {
    String[] words = label.split(" ");
    String year = words[words.length - 1];
    String first = words[0].length() > 3 ? words[0].substring(0, 3) : words[0];
    return year.matches("\\d{4}/\\d{2}") ? first + " " + year.substring(2) : label;
  }

  static String describe(ProgressExplanation e) {
    StringBuilder text = new StringBuilder("Pupil's scores against the year group's median at each assessment point. ");
    text.append("Pupil: ").append(join(e.pupilScores())).append(". Median: ").append(join(e.peerMedianScores()))
        .append('.');
    if (e.gapAtStart() != null && e.gapAtEnd() != null) {
      text.append(" Gap to the median: ").append(AssessmentSetup.plain(e.gapAtStart())).append(" at the start of the ")
          .append("window, ").append(AssessmentSetup.plain(e.gapAtEnd())).append(" at the end.");
    }
    return text.toString();
  }

  private static String join(List<@Nullable Double> values) {
    List<String> parts = new ArrayList<>();
    for (Double value : values) {
      parts.add(value == null ? "none" : AssessmentSetup.plain(value));
    }
    return String.join(", ", parts);
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
