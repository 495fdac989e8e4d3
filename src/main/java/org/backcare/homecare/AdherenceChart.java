package org.backcare.homecare;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.MeetOrSlice;
import org.jfree.svg.PreserveAspectRatio;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * Weekly adherence as a bar chart (JFreeChart, drawn as SVG): one bar per week, the
 * oldest left, with the line below which the proposal asks to review the home plan
 * ({@link HomeCareRules#LOW_ADHERENCE} %, the clinic's own rule).
 */
final class AdherenceChart {

	static final int WIDTH = 640;

	static final int HEIGHT = 240;

	private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

	private AdherenceChart() {
	}

	/**
	 * The chart as a data URI for an image (the pages' CSP allows no inline SVG styles).
	 */
	static String dataUri(List<Adherence.Week> weeks) {
		JFreeChart chart = chart(weeks);
		SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, HEIGHT);
		chart.draw(g2, new Rectangle(WIDTH, HEIGHT));
		String svg = g2.getSVGElement(null, false, new ViewBox(0, 0, WIDTH, HEIGHT), PreserveAspectRatio.XMID_YMID,
				MeetOrSlice.MEET);
		return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
	}

	static JFreeChart chart(List<Adherence.Week> weeks) {
		DefaultCategoryDataset data = new DefaultCategoryDataset();
		List<Adherence.Week> oldestFirst = new ArrayList<>(weeks);
		java.util.Collections.reverse(oldestFirst);
		for (Adherence.Week week : oldestFirst) {
			data.addValue((week.percent() == null) ? 0 : week.percent(), "Done", "w/c " + WEEK.format(week.monday()));
		}
		NumberAxis percent = new NumberAxis("% of asked days done");
		percent.setRange(0, 100);
		CategoryAxis axis = new CategoryAxis("Week");
		BarRenderer bars = new BarRenderer();
		bars.setBarPainter(new StandardBarPainter());
		bars.setShadowVisible(false);
		bars.setSeriesPaint(0, new Color(0x1f, 0x4e, 0x5f));
		bars.setMaximumBarWidth(0.12);
		CategoryPlot plot = new CategoryPlot(data, axis, percent, bars);
		plot.setBackgroundPaint(Color.WHITE);
		plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
		ValueMarker low = new ValueMarker(HomeCareRules.LOW_ADHERENCE, new Color(0xa3, 0x3b, 0x20),
				new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] { 6, 4 }, 0));
		low.setLabel("Review below " + HomeCareRules.LOW_ADHERENCE + " %");
		low.setLabelFont(new Font("SansSerif", Font.PLAIN, 11));
		low.setLabelAnchor(RectangleAnchor.TOP_LEFT);
		low.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
		plot.addRangeMarker(low);
		JFreeChart chart = new JFreeChart("Home care done, by week", new Font("SansSerif", Font.BOLD, 14), plot, false);
		chart.setBackgroundPaint(Color.WHITE);
		return chart;
	}

}
