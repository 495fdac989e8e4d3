package org.backcare.frontdesk;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.backcare.account.CurrentUser;
import org.backcare.booking.Appointment;
import org.backcare.booking.Bookings;
import org.backcare.client.Client;
import org.backcare.client.Clients;
import org.backcare.client.ReferralReport;
import org.backcare.clinic.Clinic;
import org.backcare.clinic.ClinicId;
import org.backcare.clinic.Clinics;
import org.backcare.platform.TimeRange;
import org.backcare.therapist.Credentials;
import org.backcare.therapist.Licence;
import org.backcare.therapist.Therapist;
import org.backcare.therapist.TherapistId;
import org.backcare.therapist.Therapists;

import org.springframework.stereotype.Service;

/**
 * What needs the front desk's attention in a clinic. A booked session needs moving or
 * reassigning when its therapist may not, or will not, see the client then: no valid
 * licence on its day (a licence ended early, a renewal not verified in time), or it lies
 * outside the therapist's working hours or in their time off (hours or time off changed
 * after it was booked). Booking refuses all of these, so they appear only through later
 * changes, and stay listed until someone moves or cancels them.
 */
@Service
class Dashboard {

	private final Clinics clinics;

	private final Therapists therapists;

	private final Credentials credentials;

	private final Bookings bookings;

	private final Clients clients;

	private final Clock clock;

	Dashboard(Clinics clinics, Therapists therapists, Credentials credentials, Bookings bookings, Clients clients,
			Clock clock) {
		this.clock = clock;
		this.clinics = clinics;
		this.therapists = therapists;
		this.credentials = credentials;
		this.bookings = bookings;
		this.clients = clients;
	}

	record Attention(List<Credentials.LicenceAlert> licences, List<Reassign> reassign, ReferralReport referrals) {
	}

	/**
	 * A booked session whose therapist may not practise on its day, and whom it affects.
	 */
	record Reassign(UUID appointmentId, OffsetDateTime start, TherapistId therapistId, String therapist, UUID clientId,
			String client, String clientEmail, String clientPhone, String why) {
	}

	/**
	 * The admin's clinic's work list; each session listed is an audited read of its
	 * appointment.
	 */
	Attention of(CurrentUser admin) {
		Clinic clinic = this.clinics.get(admin.clinic());
		LocalDate today = LocalDate.now(this.clock.withZone(clinic.zone()));
		return new Attention(this.credentials.alerts(clinic.id(), today, Licence.EXPIRY_WARNING_DAYS),
				reassign(admin, clinic), this.clients.referralReport(clinic.id()));
	}

	List<Reassign> reassign(CurrentUser admin, Clinic clinic) {
		return stranded(admin, clinic, null);
	}

	/**
	 * The booked sessions to come that their therapist (only {@code only}'s, when given)
	 * may not or will not take as they stand, each an audited read, with why.
	 */
	List<Reassign> stranded(CurrentUser admin, Clinic clinic, TherapistId only) {
		Map<TherapistId, Therapist> staff = new HashMap<>();
		this.therapists.everyone(clinic.id()).forEach(therapist -> staff.put(therapist.id(), therapist));
		List<Appointment> upcoming = this.bookings.upcoming(clinic.id())
			.stream()
			.filter(appointment -> only == null || appointment.therapistId().equals(only))
			.toList();
		if (upcoming.isEmpty()) {
			return List.of();
		}
		TimeRange window = new TimeRange(upcoming.get(0).start(),
				upcoming.stream().map(Appointment::end).max(java.time.Instant::compareTo).orElseThrow());
		Map<TherapistId, List<TimeRange>> away = this.therapists.timeOff(staff.keySet(), window);
		Map<UUID, Client> people = new HashMap<>();
		this.clients.all(clinic.id()).forEach(client -> people.put(client.id().value(), client));
		List<Reassign> stranded = new ArrayList<>();
		for (Appointment appointment : upcoming) {
			Therapist therapist = staff.get(appointment.therapistId());
			String why = why(clinic, therapist, appointment, away.getOrDefault(therapist.id(), List.of()));
			if (why != null) {
				this.bookings.shown(admin, appointment);
				stranded.add(reassign(clinic, appointment, therapist, people.get(appointment.clientId().value()), why));
			}
		}
		return stranded;
	}

	/**
	 * Every booked session to come of the therapist, each an audited read, all for the
	 * same reason.
	 */
	List<Reassign> booked(CurrentUser admin, Clinic clinic, Therapist therapist, String why) {
		List<Appointment> upcoming = this.bookings.upcomingOf(therapist.id());
		if (upcoming.isEmpty()) {
			return List.of();
		}
		Map<UUID, Client> people = new HashMap<>();
		this.clients.all(clinic.id()).forEach(client -> people.put(client.id().value(), client));
		return upcoming.stream().map(appointment -> {
			this.bookings.shown(admin, appointment);
			return reassign(clinic, appointment, therapist, people.get(appointment.clientId().value()), why);
		}).toList();
	}

	/** Whether the therapist has booked sessions to come (a read of times only). */
	boolean stillBooked(TherapistId therapist) {
		return !this.bookings.upcomingOf(therapist).isEmpty();
	}

	/** Why the therapist cannot take the session as it stands, or null. */
	static String why(Clinic clinic, Therapist therapist, Appointment appointment, List<TimeRange> timeOff) {
		LocalDate day = LocalDate.ofInstant(appointment.start(), clinic.zone());
		TimeRange session = new TimeRange(appointment.start(), appointment.end());
		if (!therapist.licenceValidOn(day)) {
			return "no valid licence that day";
		}
		if (timeOff.stream().anyMatch(session::overlaps)) {
			return "in the therapist's time off";
		}
		if (therapist.hours().on(day, clinic.zone()).stream().noneMatch(open -> open.contains(session))) {
			return "outside the therapist's working hours";
		}
		return null;
	}

	private static Reassign reassign(Clinic clinic, Appointment appointment, Therapist therapist, Client client,
			String why) {
		return new Reassign(appointment.id().value(), clinic.localTime(appointment.start()), therapist.id(),
				therapist.name(), client.id().value(), client.name(), client.email(), client.phone(), why);
	}

}
