package dev.oauth2clients.bench;

import static dev.oauth2clients.bench.Text.format;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;

/**
 * The measurements side by side as bar charts in one PNG, drawn with plain Java2D so that the
 * benchmark needs no charting library.
 */
final class BenchmarkChart {

  private static final int HEIGHT = 600;
  private static final int PANEL_WIDTH = 460;
  private static final int PANEL_TOP = 70;
  // Within a panel: title, up to three lines of ratios, the legend, then the plot.
  private static final int LEGEND_OFFSET = 92;
  private static final int PLOT_OFFSET = 140;
  private static final int PLOT_BOTTOM_OFFSET = 450;
  private static final Color[] SERIES_COLORS = {new Color(0x4C72B0), new Color(0xDD8452)};
  private static final Color GRID = new Color(0xDDDDDD);
  private static final Color TEXT = new Color(0x222222);
  private static final Color MUTED = new Color(0x555555);

  /** Bars that stand side by side, one per series, under one label. */
  private record Group(String label, double... values) {}

  private record Panel(
      String title, String unit, List<String> series, List<Group> groups, List<String> notes) {}

  private BenchmarkChart() {}

  /**
   * Draws the chart of the items that have one; false, writing nothing, where none of them ran (so
   * that a run of items 5 to 8 alone leaves the documented chart as it is).
   */
  static boolean write(SuiteResults results, Path png) throws IOException {
    List<Panel> panels = panels(results);
    if (panels.isEmpty()) {
      return false;
    }
    // At least two panels wide, so that the title, machine and footer lines fit.
    int width = 20 + Math.max(2, panels.size()) * (PANEL_WIDTH + 30);
    BufferedImage image = new BufferedImage(width, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, HEIGHT);
      g.setColor(TEXT);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
      g.drawString("Self-service OAuth2 clients for Keycloak: benchmarks", 20, 34);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
      g.setColor(MUTED);
      g.drawString(
          results.environment()
              + "; run of "
              + LocalDate.now()
              + ", "
              + results.runTime().toMinutes()
              + " min",
          20,
          56);
      for (int i = 0; i < panels.size(); i++) {
        draw(g, panels.get(i), 20 + i * (PANEL_WIDTH + 30), PANEL_TOP);
      }
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      g.setColor(MUTED);
      g.drawString(
          "Databases: "
              + String.join("; ", results.databases())
              + ". Method, caveats and the printed results: docs/BENCHMARKS.md.",
          20,
          HEIGHT - 14);
    } finally {
      g.dispose();
    }
    Files.createDirectories(png.toAbsolutePath().getParent());
    ImageIO.write(image, "png", png.toFile());
    return true;
  }

  /** The panels of the items that ran: two for item 1 (rates, then what the grants left). */
  private static List<Panel> panels(SuiteResults results) {
    List<Panel> panels = new ArrayList<>();
    if (!results.throughputs().isEmpty()) {
      panels.add(grants(results.throughputs()));
      panels.add(sessions(results.throughputs()));
    }
    if (results.create() != null) {
      panels.add(create(results));
    }
    if (!results.lists().isEmpty()) {
      panels.add(lists(results));
    }
    if (!results.chosenRoles().isEmpty()) {
      panels.add(chosenRoles(results.chosenRoles()));
    }
    return panels;
  }

  private static final List<String> GRANT_LABELS =
      List.of("self-service", "plain,\nrefresh on", "control\n(plain twin)", "plain,\nKC defaults");

  private static final List<String> CHOSEN_ROLES_LABELS =
      List.of(
          "self-service,\n8 roles chosen",
          "self-service,\nno roles",
          "plain,\nsame 8 roles",
          "control\n(twin)");

  private static Panel grants(List<ThroughputResult> results) {
    return new Panel(
        "1. client_credentials grants",
        "grants/s (higher is better)",
        results.stream().map(ThroughputResult::database).toList(),
        perContender(GRANT_LABELS, grantsOf(results), ThroughputResult.Rate::mean),
        List.of(
            ratios(
                results,
                ThroughputResult::database,
                r -> r.selfServiceVsDefaults().median(),
                format(
                    "self-service / KC defaults (goal ≥ %.2f)", ThroughputResult.GOAL_VS_DEFAULTS)),
            ratios(
                results,
                ThroughputResult::database,
                r -> r.selfServiceVsRefreshOn().median(),
                format(
                    "self-service / refresh on (goal > %.1f)",
                    ThroughputResult.GOAL_VS_REFRESH_ON)),
            ratios(
                results,
                ThroughputResult::database,
                r -> r.refreshSelfServiceVsPlain().median(),
                "refresh_token grants, self-service / plain")));
  }

  private static Panel sessions(List<ThroughputResult> results) {
    return new Panel(
        "1. Sessions held after the grants",
        "sessions (lower is better)",
        results.stream().map(ThroughputResult::database).toList(),
        perContender(GRANT_LABELS, grantsOf(results), ThroughputResult.Rate::sessions),
        results.stream()
            .map(
                r ->
                    format(
                        "%s: self-service %d sessions after %,d grants",
                        r.database(), r.selfService().sessions(), r.selfService().requests()))
            .toList());
  }

  private static List<List<ThroughputResult.Rate>> grantsOf(List<ThroughputResult> results) {
    return results.stream().map(ThroughputResult::grants).toList();
  }

  private static Panel chosenRoles(List<ChosenRolesResult> results) {
    return new Panel(
        "4. Grants carrying chosen roles",
        "grants/s (higher is better)",
        results.stream().map(ChosenRolesResult::database).toList(),
        perContender(
            CHOSEN_ROLES_LABELS,
            results.stream().map(ChosenRolesResult::grants).toList(),
            ThroughputResult.Rate::mean),
        List.of(
            ratios(
                results,
                ChosenRolesResult::database,
                r -> r.withRolesVsWithout().median(),
                format("8 roles / none (goal ≥ %.2f)", ChosenRolesResult.GOAL_VS_WITHOUT)),
            ratios(
                results,
                ChosenRolesResult::database,
                r -> r.withRolesVsPlain().median(),
                format(
                    "8 roles / plain, same roles (goal ≥ %.2f)", ChosenRolesResult.GOAL_VS_PLAIN)),
            ratios(
                results,
                ChosenRolesResult::database,
                r -> r.controlVsWithRoles().median(),
                "control twin / 8 roles (the noise)")));
  }

  /** One group per client_credentials contender, one bar per database. */
  private static List<Group> perContender(
      List<String> labels,
      List<List<ThroughputResult.Rate>> perDatabase,
      ToDoubleFunction<ThroughputResult.Rate> value) {
    List<Group> groups = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      int contender = i;
      groups.add(
          new Group(
              labels.get(i),
              perDatabase.stream()
                  .mapToDouble(grants -> value.applyAsDouble(grants.get(contender)))
                  .toArray()));
    }
    return groups;
  }

  private static <T> String ratios(
      List<T> results, Function<T, String> database, ToDoubleFunction<T> ratio, String label) {
    return label
        + ": "
        + results.stream()
            .map(r -> format("%s %.3f", database.apply(r), ratio.applyAsDouble(r)))
            .collect(Collectors.joining(", "));
  }

  private static Panel create(SuiteResults results) {
    CreateLatencyResult result = results.create();
    return new Panel(
        "2. Create latency",
        "ms (lower is better)",
        List.of("p50", "p95"),
        List.of(
            new Group("this API", result.selfService().p50(), result.selfService().p95()),
            new Group(
                "Keycloak DCR",
                result.dynamicRegistration().p50(),
                result.dynamicRegistration().p95())),
        List.of(
            format(
                "this API / DCR: p50 %.3f, p95 %.3f (goal ≤ %.1f)",
                result.latency().p50Ratio(),
                result.latency().p95Ratio(),
                CreateLatencyResult.GOAL)));
  }

  private static Panel lists(SuiteResults results) {
    List<Group> groups = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (ListLatencyResult result : results.lists()) {
      groups.add(
          new Group(
              format("%s\n%,d clients", result.database(), result.smallRealmClients()),
              result.small().p50(),
              result.small().p95()));
      groups.add(
          new Group(
              format("%s\n%,d clients", result.database(), result.largeRealmClients()),
              result.large().p50(),
              result.large().p95()));
      notes.add(
          format(
              "%s growth: p50 %.3f, p95 %.3f (goal ≤ %.1f)",
              result.database(),
              result.latency().p50Ratio(),
              result.latency().p95Ratio(),
              ListLatencyResult.GOAL));
    }
    return new Panel(
        "3. List a user's 10 clients as the realm grows",
        "ms (lower is better)",
        List.of("p50", "p95"),
        groups,
        notes);
  }

  private static void draw(Graphics2D g, Panel panel, int left, int top) {
    g.setColor(TEXT);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    g.drawString(panel.title(), left, top + 16);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    int y = top + 40;
    for (String note : panel.notes()) {
      g.drawString(note, left, y);
      y += 18;
    }
    if (panel.groups().isEmpty()) {
      return;
    }
    if (panel.series().size() > 1) {
      drawLegend(g, panel, left, top + LEGEND_OFFSET);
    }
    int plotTop = top + PLOT_OFFSET;
    int plotBottom = top + PLOT_BOTTOM_OFFSET;
    int plotLeft = left + 50;
    int plotRight = left + PANEL_WIDTH;
    double max =
        niceCeiling(
            panel.groups().stream()
                .flatMapToDouble(group -> Arrays.stream(group.values()))
                .max()
                .orElse(1));
    drawAxis(g, panel.unit(), max, left, plotLeft, plotRight, plotTop, plotBottom);
    drawBars(g, panel, max, plotLeft, plotRight, plotTop, plotBottom);
  }

  private static void drawLegend(Graphics2D g, Panel panel, int left, int y) {
    int x = left;
    for (int s = 0; s < panel.series().size(); s++) {
      g.setColor(SERIES_COLORS[s]);
      g.fillRect(x, y, 14, 14);
      g.setColor(TEXT);
      g.drawString(panel.series().get(s), x + 20, y + 12);
      x += 30 + g.getFontMetrics().stringWidth(panel.series().get(s));
    }
  }

  private static void drawAxis(
      Graphics2D g,
      String unit,
      double max,
      int left,
      int plotLeft,
      int plotRight,
      int plotTop,
      int plotBottom) {
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    FontMetrics metrics = g.getFontMetrics();
    for (int tick = 0; tick <= 5; tick++) {
      double value = max * tick / 5;
      int y = plotBottom - (int) Math.round((plotBottom - plotTop) * tick / 5.0);
      g.setColor(GRID);
      g.drawLine(plotLeft, y, plotRight, y);
      g.setColor(MUTED);
      String label = value >= 100 ? format("%.0f", value) : format("%.1f", value);
      g.drawString(label, plotLeft - 6 - metrics.stringWidth(label), y + 4);
    }
    g.drawString(unit, left, plotTop - 10);
    g.setColor(TEXT);
    g.setStroke(new BasicStroke(1.2f));
    g.drawLine(plotLeft, plotBottom, plotRight, plotBottom);
  }

  private static void drawBars(
      Graphics2D g,
      Panel panel,
      double max,
      int plotLeft,
      int plotRight,
      int plotTop,
      int plotBottom) {
    int groups = panel.groups().size();
    int slot = (plotRight - plotLeft) / groups;
    int series = panel.series().size();
    int barWidth = Math.min(48, (slot - 16) / series);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    FontMetrics metrics = g.getFontMetrics();
    for (int i = 0; i < groups; i++) {
      Group group = panel.groups().get(i);
      int groupLeft = plotLeft + i * slot + (slot - barWidth * series) / 2;
      for (int s = 0; s < series; s++) {
        double value = group.values()[s];
        int height = (int) Math.round((plotBottom - plotTop) * value / max);
        int x = groupLeft + s * barWidth;
        g.setColor(SERIES_COLORS[s]);
        g.fillRect(x, plotBottom - height, barWidth - 4, height);
        g.setColor(TEXT);
        String label = value >= 100 ? format("%.0f", value) : format("%.1f", value);
        g.drawString(
            label, x + (barWidth - 4 - metrics.stringWidth(label)) / 2, plotBottom - height - 4);
      }
      int y = plotBottom + 16;
      for (String line : group.label().split("\n")) {
        g.drawString(line, plotLeft + i * slot + (slot - metrics.stringWidth(line)) / 2, y);
        y += 14;
      }
    }
  }

  /** 1, 2 or 5 times a power of ten, at least 10% above the highest bar so its label fits. */
  private static double niceCeiling(double highest) {
    double target = highest * 1.1;
    double power = Math.pow(10, Math.floor(Math.log10(target)));
    for (double step : new double[] {1, 2, 2.5, 5, 10}) {
      if (step * power >= target) {
        return step * power;
      }
    }
    return 10 * power;
  }
}
