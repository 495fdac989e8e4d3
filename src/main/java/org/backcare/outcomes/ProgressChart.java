package org.backcare.outcomes;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

import org.backcare.booking.Appointment;
import org.backcare.platform.SvgCharts;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.time.FixedMillisecond;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/**
 * A measure over time as a chart, drawn by JFreeChart: a line with a mark per score
 * (squares for the intake and follow-ups, circles for sessions, so the two are told apart
 * without colour), the baseline and the minimal-important-change threshold as labelled
 * horizontal lines (dotted and dashed), sessions as light ticks and plan changes as
 * labelled vertical dashes. As SVG for the pages (an image that scales to any width,
 * described by its alternative text and the table beside it), and drawn as vectors into
 * the PDF.
 */
final class ProgressChart {

	static final int WIDTH = 720;

	static final int HEIGHT = 320;

	private static final Color INK = new Color(0x1f, 0x2a, 0x37);

	private static final Color MUTED = new Color(0x5b, 0x65, 0x70);

	private static final Color LINE = new Color(0x1d, 0x4e, 0x89);

	private static final Color THRESHOLD = new Color(0x0b, 0x6e, 0x4f);

	/** Behind a line's label: the line shows through faintly, the words stay readable. */
	private static final Color LABEL_BACKGROUND = new Color(255, 255, 255, 220);

	private ProgressChart() {
	}

	/**
	 * The chart as an SVG document, its viewBox the chart's size so it scales to any
	 * width.
	 */
	static String svg(Series series, List<Appointment> sessions, List<Instant> planChanges, TimeZone zone) {
		return SvgCharts.svg(chart(series, sessions, planChanges, zone), WIDTH, HEIGHT);
	}

	/** The SVG as an image's source ({@link SvgCharts#dataUri}). */
	static String dataUri(String svg) {
		return SvgCharts.dataUri(svg);
	}

	static JFreeChart chart(Series series, List<Appointment> sessions, List<Instant> planChanges, TimeZone zone) {
		Instrument instrument = series.instrument();
		TimeSeries questionnaires = new TimeSeries("Intake and follow-ups");
		TimeSeries atSessions = new TimeSeries("At sessions");
		for (Measurement point : series.points()) {
			(point.source().questionnaire() ? questionnaires : atSessions)
				.addOrUpdate(new FixedMillisecond(point.at().toEpochMilli()), point.value());
		}
		TimeSeries all = new TimeSeries(instrument.label());
		series.points().forEach(p -> all.addOrUpdate(new FixedMillisecond(p.at().toEpochMilli()), p.value()));
		TimeSeriesCollection data = new TimeSeriesCollection(zone);
		data.addSeries(all);
		data.addSeries(questionnaires);
		data.addSeries(atSessions);

		DateAxis time = new DateAxis(null, zone, Locale.ENGLISH);
		NumberAxis score = new NumberAxis(instrument.label() + " (0–" + instrument.max() + ", lower is better)");
		score.setRange(0, instrument.max());
		score.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
		XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
		renderer.setSeriesLinesVisible(0, true);
		renderer.setSeriesShapesVisible(0, false);
		renderer.setSeriesVisibleInLegend(0, false);
		renderer.setSeriesPaint(0, LINE);
		renderer.setSeriesStroke(0, new BasicStroke(2.5f));
		renderer.setSeriesLinesVisible(1, false);
		renderer.setSeriesShape(1, new Rectangle2D.Double(-5, -5, 10, 10));
		renderer.setSeriesPaint(1, INK);
		renderer.setSeriesLinesVisible(2, false);
		renderer.setSeriesShape(2, new Ellipse2D.Double(-4, -4, 8, 8));
		renderer.setSeriesPaint(2, LINE);
		XYPlot plot = new XYPlot(data, time, score, renderer);
		plot.setBackgroundPaint(Color.WHITE);
		plot.setRangeGridlinePaint(new Color(0xdd, 0xe1, 0xe6));
		plot.setDomainGridlinesVisible(false);
		Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
		if (series.baseline() != null) {
			plot.addRangeMarker(horizontal(series.baseline().value(), "baseline " + series.baseline().shown(), MUTED,
					new float[] { 2f, 3f }, small));
		}
		BigDecimal threshold = series.threshold();
		if (threshold != null) {
			plot.addRangeMarker(horizontal(threshold,
					"important improvement at or below " + threshold.stripTrailingZeros().toPlainString(), THRESHOLD,
					new float[] { 8f, 4f }, small));
		}
		for (Appointment session : sessions) {
			ValueMarker tick = new ValueMarker(session.start().toEpochMilli(), new Color(0xc8, 0xce, 0xd6),
					new BasicStroke(1f));
			plot.addDomainMarker(tick);
		}
		for (Instant change : planChanges) {
			ValueMarker mark = new ValueMarker(change.toEpochMilli(), INK, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
					BasicStroke.JOIN_MITER, 10f, new float[] { 4f, 4f }, 0f));
			mark.setLabel("plan changed");
			mark.setLabelFont(small);
			mark.setLabelPaint(INK);
			mark.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
			mark.setLabelTextAnchor(TextAnchor.TOP_LEFT);
			mark.setLabelBackgroundColor(LABEL_BACKGROUND);
			plot.addDomainMarker(mark);
		}
		JFreeChart chart = new JFreeChart(null, new Font(Font.SANS_SERIF, Font.PLAIN, 13), plot, true);
		chart.setBackgroundPaint(Color.WHITE);
		chart.getLegend().setItemFont(small);
		return chart;
	}

	private static ValueMarker horizontal(BigDecimal value, String label, Color color, float[] dashes, Font font) {
		ValueMarker marker = new ValueMarker(value.doubleValue(), color,
				new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dashes, 0f));
		marker.setLabel(label);
		marker.setLabelFont(font);
		marker.setLabelPaint(color);
		marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
		marker.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
		marker.setLabelBackgroundColor(LABEL_BACKGROUND);
		return marker;
	}

}
