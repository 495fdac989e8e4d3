package org.backcare.client;

/**
 * How a client has kept their sessions, as the client record shows it: sessions that took
 * place, cancelled inside the clinic's cancellation window, and not come to.
 */
public record Attendance(int completed, int lateCancelled, int noShow) {

	public static final Attendance NONE = new Attendance(0, 0, 0);

}
