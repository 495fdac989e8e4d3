package org.backcare.waitlist;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.backcare.booking.AppointmentId;
import org.backcare.client.ClientId;
import org.backcare.clinic.ClinicId;
import org.backcare.therapist.Technique;
import org.backcare.therapist.TherapistId;

/**
 * A client's place on the waitlist: the service, with one therapist or any (of a
 * technique, or any), on the clinic-local days {@code firstDay} to {@code lastDay} in one
 * of the windows. Waiting until booked, withdrawn, or past its last day.
 */
public record WaitRequest(UUID id, ClinicId clinic, ClientId client, String service, TherapistId therapist,
		Technique technique, LocalDate firstDay, LocalDate lastDay, List<TimeWindow> windows, Instant createdAt,
		Status status, AppointmentId appointment) {

	public enum Status {

		WAITING, BOOKED, WITHDRAWN, ENDED

	}

	public WaitRequest {
		windows = List.copyOf(windows);
	}

	public boolean waiting() {
		return this.status == Status.WAITING;
	}

	/** Whether a session from {@code start} to {@code end} (clinic-local) is wanted. */
	boolean wants(ZonedDateTime start, ZonedDateTime end) {
		LocalDate day = start.toLocalDate();
		return !day.isBefore(this.firstDay) && !day.isAfter(this.lastDay)
				&& this.windows.stream().anyMatch(window -> window.fits(start, end));
	}

	/** "Mon, Wed 08:00–12:00; Sat 09:00–13:00". */
	public String windowsInWords() {
		return this.windows.stream().map(TimeWindow::inWords).collect(Collectors.joining("; "));
	}

}
