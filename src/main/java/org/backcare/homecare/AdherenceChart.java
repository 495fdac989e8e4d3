package org.backcare.homecare;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.backcare.platform.SvgCharts;
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

	/** The chart as an image's source ({@link SvgCharts}). */
	static String dataUri(List<Adherence.Week> weeks) {
		return SvgCharts.dataUri(SvgCharts.svg(chart(weeks), WIDTH, HEIGHT));
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
