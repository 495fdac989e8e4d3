package org.backcare.feedback;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import org.backcare.booking.AppointmentId;
import org.backcare.client.ClientId;
import org.backcare.clinic.ClinicId;
import org.backcare.therapist.TherapistId;

/** A client's feedback on one session. */
public record SessionFeedback(UUID id, ClinicId clinicId, AppointmentId appointmentId, ClientId clientId,
		TherapistId therapistId, Instant sessionStart, Instant sessionEnd, FeedbackAnswers answers, Instant givenAt,
		Instant updatedAt) {

	/**
	 * How long after its session ends feedback may be given or changed: the clinic's own
	 * rule.
	 */
	public static final Duration OPEN_FOR = Duration.ofDays(7);

	/** What the client said, in short phrases for the therapist's day. */
	public List<String> inWords() {
		List<String> words = new ArrayList<>();
		FeedbackAnswers a = this.answers;
		if (a.overallPressure() != null) {
			words.add("pressure " + a.overallPressure().label().toLowerCase(Locale.ROOT));
		}
		a.pressure()
			.forEach((region, verdict) -> words
				.add(verdict.label().toLowerCase(Locale.ROOT) + " on the " + region.label().toLowerCase(Locale.ROOT)));
		if (a.sorenessNextDay() != null) {
			words.add("sore " + a.sorenessNextDay() + "/10 the day after");
		}
		if (a.painNow() != null) {
			words.add("pain " + a.painNow() + "/10");
		}
		if (a.comfort() != null) {
			words.add("comfort " + a.comfort() + "/5");
		}
		if (!a.avoidAreas().isEmpty()) {
			words.add("avoid: " + a.avoidAreas()
				.stream()
				.map(region -> region.label().toLowerCase(Locale.ROOT))
				.collect(Collectors.joining(", ")));
		}
		if (!a.avoid().isEmpty()) {
			words.add("“" + a.avoid() + "”");
		}
		if (!a.helped().isEmpty()) {
			words.add("helped: “" + a.helped() + "”");
		}
		return words;
	}

	/** Whether it may still be changed at {@code now}. */
	public boolean openAt(Instant now) {
		return !now.isAfter(this.sessionEnd.plus(OPEN_FOR));
	}

}
