package org.backcare.booking;

import java.time.OffsetDateTime;

import org.backcare.client.ClientId;
import org.backcare.therapist.TherapistId;

/** Booking request bodies for tests outside the booking package. */
public final class BookingApiTestBodies {

	private BookingApiTestBodies() {
	}

	public static String body(ClientId client, TherapistId therapist, OffsetDateTime start,
			org.backcare.therapist.Technique technique) {
		return BookingApiTest.body(client, therapist, "TREATMENT_60", start, technique.name());
	}

	public static String body(ClientId client, TherapistId therapist, OffsetDateTime start) {
		return BookingApiTest.body(client, therapist, "TREATMENT_60", start, null);
	}

	public static String body(ClientId client, TherapistId therapist, String service, OffsetDateTime start) {
		return BookingApiTest.body(client, therapist, service, start, null);
	}

}
