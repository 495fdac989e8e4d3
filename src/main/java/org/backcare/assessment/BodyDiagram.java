package org.backcare.assessment;

import java.util.List;

/**
 * The front and back body outlines of the body map (the intake's pain map, a note's areas
 * treated), as SVG paths in a 160 × 400 box per view. Seen from behind, the body's left
 * is on the viewer's left; seen from the front, on the right.
 */
public final class BodyDiagram {

	public record Shape(PainRegion region, String path) {
	}

	private static final String VIEWER_LEFT_SHOULDER = "M36 70h34v22h-38z";

	private static final String VIEWER_RIGHT_SHOULDER = "M90 70h34l4 22h-38z";

	private static final String VIEWER_LEFT_HIP = "M40 206h16v36h-16z";

	private static final String VIEWER_RIGHT_HIP = "M104 206h16v36h-16z";

	private static final String VIEWER_LEFT_THIGH = "M44 242h35v72h-29z";

	private static final String VIEWER_RIGHT_THIGH = "M81 242h35l-6 72h-29z";

	private static final String VIEWER_LEFT_LOWER_LEG = "M50 318h28v76h-24z";

	private static final String VIEWER_RIGHT_LOWER_LEG = "M82 318h28l-4 76h-24z";

	private static final String NECK = "M70 52h20v18h-20z";

	public static final List<Shape> BACK = List.of(new Shape(PainRegion.NECK, NECK),
			new Shape(PainRegion.SHOULDER_LEFT, VIEWER_LEFT_SHOULDER),
			new Shape(PainRegion.SHOULDER_RIGHT, VIEWER_RIGHT_SHOULDER),
			new Shape(PainRegion.UPPER_BACK, "M44 92h72v38h-72z"), new Shape(PainRegion.MID_BACK, "M46 130h68v40h-68z"),
			new Shape(PainRegion.LOWER_BACK_LEFT, "M48 170h32v36h-32z"),
			new Shape(PainRegion.LOWER_BACK_RIGHT, "M80 170h32v36h-32z"),
			new Shape(PainRegion.HIP_LEFT, VIEWER_LEFT_HIP),
			new Shape(PainRegion.SACRUM_BUTTOCKS, "M56 206h48v36h-48z"),
			new Shape(PainRegion.HIP_RIGHT, VIEWER_RIGHT_HIP), new Shape(PainRegion.THIGH_LEFT, VIEWER_LEFT_THIGH),
			new Shape(PainRegion.THIGH_RIGHT, VIEWER_RIGHT_THIGH),
			new Shape(PainRegion.LOWER_LEG_LEFT, VIEWER_LEFT_LOWER_LEG),
			new Shape(PainRegion.LOWER_LEG_RIGHT, VIEWER_RIGHT_LOWER_LEG));

	public static final List<Shape> FRONT = List.of(new Shape(PainRegion.NECK, NECK),
			new Shape(PainRegion.SHOULDER_RIGHT, VIEWER_LEFT_SHOULDER),
			new Shape(PainRegion.SHOULDER_LEFT, VIEWER_RIGHT_SHOULDER),
			new Shape(PainRegion.HIP_RIGHT, VIEWER_LEFT_HIP), new Shape(PainRegion.HIP_LEFT, VIEWER_RIGHT_HIP),
			new Shape(PainRegion.THIGH_RIGHT, VIEWER_LEFT_THIGH), new Shape(PainRegion.THIGH_LEFT, VIEWER_RIGHT_THIGH),
			new Shape(PainRegion.LOWER_LEG_RIGHT, VIEWER_LEFT_LOWER_LEG),
			new Shape(PainRegion.LOWER_LEG_LEFT, VIEWER_RIGHT_LOWER_LEG));

	private BodyDiagram() {
	}

}
