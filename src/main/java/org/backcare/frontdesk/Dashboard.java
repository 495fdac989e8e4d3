package org.backcare.frontdesk;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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
import org.backcare.therapist.Credentials;
import org.backcare.therapist.Licence;
import org.backcare.therapist.Therapist;
import org.backcare.therapist.TherapistId;
import org.backcare.therapist.Therapists;

import org.springframework.stereotype.Service;

/**
 * What needs the front desk's attention in a clinic. A session needs reassigning when its
 * therapist has no valid licence on its day: booking refuses such sessions, so they
 * appear when a licence is ended early (suspended, withdrawn) or a renewal is not
 * verified in time.
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
			String client, String clientEmail, String clientPhone) {
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
		Map<TherapistId, Therapist> staff = new HashMap<>();
		this.therapists.all(clinic.id()).forEach(therapist -> staff.put(therapist.id(), therapist));
		Map<UUID, Client> people = new HashMap<>();
		this.clients.all(clinic.id()).forEach(client -> people.put(client.id().value(), client));
		return this.bookings.upcoming(clinic.id())
			.stream()
			.filter(appointment -> !staff.get(appointment.therapistId())
				.licenceValidOn(LocalDate.ofInstant(appointment.start(), clinic.zone())))
			.map(appointment -> this.bookings.shown(admin, appointment))
			.map(appointment -> reassign(clinic, appointment, staff.get(appointment.therapistId()),
					people.get(appointment.clientId().value())))
			.toList();
	}

	private static Reassign reassign(Clinic clinic, Appointment appointment, Therapist therapist, Client client) {
		return new Reassign(appointment.id().value(), clinic.localTime(appointment.start()), therapist.id(),
				therapist.name(), client.id().value(), client.name(), client.email(), client.phone());
	}

}
