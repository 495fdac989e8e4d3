package org.backcare.client;

/**
 * Where a client's attendance comes from: the appointments, which booking keeps. The
 * client module owns this interface and booking implements it, like
 * {@link ClientRecordGuard}.
 */
public interface AttendanceRecord {

	Attendance of(ClientId client);

}
