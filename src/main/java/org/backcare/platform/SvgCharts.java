package org.backcare.platform;

import java.awt.Rectangle;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.jfree.chart.JFreeChart;
import org.jfree.svg.MeetOrSlice;
import org.jfree.svg.PreserveAspectRatio;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * A JFreeChart as the pages show it: drawn as SVG (JFreeSVG), its viewBox the chart's
 * size so it scales to any width, and handed to an image as a data URI — a page's
 * Content-Security-Policy allows no inline styles, and JFreeSVG styles every shape
 * inline; inside an image they apply.
 */
public final class SvgCharts {

	private SvgCharts() {
	}

	public static String svg(JFreeChart chart, int width, int height) {
		SVGGraphics2D g2 = new SVGGraphics2D(width, height);
		chart.draw(g2, new Rectangle(width, height));
		return g2.getSVGElement(null, false, new ViewBox(0, 0, width, height), PreserveAspectRatio.XMID_YMID,
				MeetOrSlice.MEET);
	}

	public static String dataUri(String svg) {
		return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
	}

}
