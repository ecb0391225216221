package dev.modelrepo.benchmarks.peers;

import static dev.modelrepo.benchmarks.peers.PeersReport.COLORS;
import static dev.modelrepo.benchmarks.peers.PeersReport.CONTENDERS;
import static dev.modelrepo.benchmarks.peers.PeersReport.engineTitle;
import static dev.modelrepo.benchmarks.peers.PeersReport.esc;
import static dev.modelrepo.benchmarks.peers.PeersReport.fmt;
import static dev.modelrepo.benchmarks.peers.PeersReport.present;
import static dev.modelrepo.benchmarks.peers.PeersReport.ratio;
import static dev.modelrepo.benchmarks.peers.PeersReport.ratioError;
import static dev.modelrepo.benchmarks.peers.PeersReport.time;

import java.util.ArrayList;
import java.util.List;

import dev.modelrepo.benchmarks.peers.PeersReport.Results;
import dev.modelrepo.benchmarks.peers.PeersReport.Score;

/** The SVG chart of {@link PeersReport}: per engine, each contender's ratio to JDBC per workload as horizontal bars with error whiskers. */
final class PeersSvg {

    private static final int BAR = 11;

    private static final int GAP = 14;

    private static final int LEFT = 150;

    private static final int PLOT = 560;

    private static final int RIGHT = 70;

    private static final int TOP = 56;

    private final Results r;

    private final String engine;

    private final List<String> contenders;

    private final List<String> workloads = new ArrayList<>();

    private final List<Integer> groupHeights = new ArrayList<>();

    private final StringBuilder s = new StringBuilder();

    private double cap;

    private int groupHeight;

    private PeersSvg(Results r, String engine) {
        this.r = r;
        this.engine = engine;
        this.contenders = new ArrayList<>(present(r, engine));
        contenders.remove("jdbc");
        for (String w : r.workloads) {
            if (r.byEngine.get(engine).containsKey(w) && r.get(engine, w, "jdbc") != null) {
                workloads.add(w);
            }
        }
    }

    /** Horizontal bars of each contender's ratio to JDBC per workload, with error whiskers and the 1.0 line. */
    static String svg(Results r, String engine) {
        return new PeersSvg(r, engine).render();
    }

    private String render() {
        cap = Math.min(Math.ceil(maxRatio() * 2) / 2, 4.0);
        int legendHeight = 22 * ((contenders.size() + 3) / 4);
        for (String w : workloads) {
            int n = 0;
            for (String c : contenders) {
                if (r.get(engine, w, c) != null) {
                    n++;
                }
            }
            groupHeights.add(n * BAR + GAP);
            groupHeight += n * BAR + GAP;
        }
        int height = TOP + groupHeight + 40 + legendHeight;
        int width = LEFT + PLOT + RIGHT;
        header(width, height);
        grid();
        int y = TOP;
        for (int gi = 0; gi < workloads.size(); gi++) {
            group(workloads.get(gi), y, groupHeights.get(gi));
            y += groupHeights.get(gi);
        }
        legend();
        s.append("</svg>\n");
        return s.toString();
    }

    /** The largest ratio plus its error, at least 1.5. */
    private double maxRatio() {
        double max = 1.5;
        for (String w : workloads) {
            Score base = r.get(engine, w, "jdbc");
            for (String c : contenders) {
                Score sc = r.get(engine, w, c);
                if (sc != null) {
                    max = Math.max(max, ratio(sc, base) + ratioError(sc, base));
                }
            }
        }
        return max;
    }

    private void header(int width, int height) {
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"11\">\n");
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        s.append("<text x=\"").append(width / 2).append("\" y=\"20\" text-anchor=\"middle\" font-size=\"14\" font-weight=\"bold\">")
                .append(esc("Time relative to hand-written JDBC, " + engineTitle(engine) + " (lower is better)")).append("</text>\n");
        s.append("<text x=\"").append(width / 2).append("\" y=\"36\" text-anchor=\"middle\" fill=\"#555\">")
                .append(esc("bars: ratio to JDBC in the same run; whiskers: 99.9% confidence; bars beyond " + fmt(cap, 1) + "× are cut"))
                .append("</text>\n");
    }

    private void grid() {
        for (double t = 0; t <= cap + 1e-9; t += 0.5) {
            double x = LEFT + t / cap * PLOT;
            s.append("<line x1=\"").append(fmt(x, 1)).append("\" y1=\"").append(TOP - 6).append("\" x2=\"").append(fmt(x, 1))
                    .append("\" y2=\"").append(TOP + groupHeight).append("\" stroke=\"").append(t == 1.0 ? "#000" : "#ddd")
                    .append("\"").append(t == 1.0 ? " stroke-dasharray=\"4 3\"" : "").append("/>\n");
            s.append("<text x=\"").append(fmt(x, 1)).append("\" y=\"").append(TOP + groupHeight + 14).append("\" text-anchor=\"middle\">")
                    .append(fmt(t, 1)).append("×</text>\n");
        }
    }

    /** One workload: its name and JDBC time, then one bar per contender. */
    private void group(String w, int y, int gh) {
        Score base = r.get(engine, w, "jdbc");
        s.append("<text x=\"").append(LEFT - 8).append("\" y=\"").append(y + (gh - GAP) / 2 + 4).append("\" text-anchor=\"end\" font-weight=\"bold\">")
                .append(esc(w)).append("</text>\n");
        s.append("<text x=\"").append(LEFT - 8).append("\" y=\"").append(y + (gh - GAP) / 2 + 16).append("\" text-anchor=\"end\" fill=\"#555\">")
                .append(esc("JDBC " + time(base))).append("</text>\n");
        int yy = y;
        for (int ci = 0; ci < contenders.size(); ci++) {
            String c = contenders.get(ci);
            Score sc = r.get(engine, w, c);
            if (sc == null) {
                continue;
            }
            bar(c, ci, ratio(sc, base), ratioError(sc, base), yy);
            yy += BAR;
        }
    }

    private void bar(String c, int ci, double ratio, double err, int yy) {
        double wBar = Math.min(ratio, cap) / cap * PLOT;
        s.append("<rect x=\"").append(LEFT).append("\" y=\"").append(yy + 1).append("\" width=\"").append(fmt(wBar, 1))
                .append("\" height=\"").append(BAR - 2).append("\" fill=\"").append(color(c, ci)).append("\"><title>")
                .append(esc(CONTENDERS.getOrDefault(c, c) + ": " + fmt(ratio, 2) + "× ± " + fmt(err, 2))).append("</title></rect>\n");
        if (ratio <= cap) {
            double x1 = LEFT + Math.max(0, ratio - err) / cap * PLOT;
            double x2 = LEFT + Math.min(cap, ratio + err) / cap * PLOT;
            double ym = yy + BAR / 2.0;
            s.append("<line x1=\"").append(fmt(x1, 1)).append("\" y1=\"").append(fmt(ym, 1)).append("\" x2=\"").append(fmt(x2, 1))
                    .append("\" y2=\"").append(fmt(ym, 1)).append("\" stroke=\"#222\" stroke-width=\"1\"/>\n");
        }
        s.append("<text x=\"").append(fmt(LEFT + wBar + 4 + (ratio <= cap ? Math.min(cap, ratio + err) / cap * PLOT - wBar : 0), 1))
                .append("\" y=\"").append(yy + BAR - 2).append("\" font-size=\"9\" fill=\"#333\">")
                .append(fmt(ratio, 2)).append(ratio > cap ? "× ▸" : "×").append("</text>\n");
    }

    private void legend() {
        int ly = TOP + groupHeight + 32;
        for (int ci = 0; ci < contenders.size(); ci++) {
            String c = contenders.get(ci);
            int lx = 20 + (ci % 4) * 195;
            int lyy = ly + (ci / 4) * 20;
            s.append("<rect x=\"").append(lx).append("\" y=\"").append(lyy).append("\" width=\"12\" height=\"10\" fill=\"").append(color(c, ci)).append("\"/>\n");
            s.append("<text x=\"").append(lx + 17).append("\" y=\"").append(lyy + 9).append("\">").append(esc(CONTENDERS.getOrDefault(c, c))).append("</text>\n");
        }
    }

    /** A contender's color: by its place among the known contenders, else by its place in the chart. */
    private static String color(String c, int ci) {
        return COLORS[(CONTENDERS.containsKey(c) ? new ArrayList<>(CONTENDERS.keySet()).indexOf(c) : ci) % COLORS.length];
    }
}
