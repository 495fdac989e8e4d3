package org.backcare.calendar;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import org.backcare.account.CurrentUser;
import org.backcare.booking.Appointment;
import org.backcare.booking.AppointmentId;
import org.backcare.booking.Availability;
import org.backcare.booking.Bookings;
import org.backcare.client.Clients;
import org.backcare.clinic.Clinic;
import org.backcare.clinic.Clinics;
import org.backcare.platform.ProblemException;
import org.backcare.platform.RecordNotFound;
import org.backcare.therapist.Therapist;
import org.backcare.therapist.TherapistId;
import org.backcare.therapist.Therapists;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Moving a session: the free times of a day for the same service, to choose from. The
 * client and the therapist move it within the therapist's own times; the front desk may
 * also give it to another therapist qualified for its technique. The change itself is
 * {@link Bookings#move}: the same rules, the same constraints, one transaction.
 */
@Controller
class MoveSessionPage {

	static final String MOVE = "calendar/move";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private final Bookings bookings;

	private final Availability availability;

	private final Therapists therapists;

	private final Clients clients;

	private final Clinics clinics;

	MoveSessionPage(Bookings bookings, Availability availability, Therapists therapists, Clients clients,
			Clinics clinics) {
		this.bookings = bookings;
		this.availability = availability;
		this.therapists = therapists;
		this.clients = clients;
		this.clinics = clinics;
	}

	@GetMapping("/appointments/{id}/move")
	String form(@PathVariable UUID id, @RequestParam(required = false) UUID therapist,
			@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate date, Model model) {
		prepare(model, CurrentUser.required(), id, therapist, date);
		return MOVE;
	}

	@PostMapping("/appointments/{id}/move")
	String move(@PathVariable UUID id, @RequestParam(required = false) UUID therapist,
			@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE_TIME) OffsetDateTime start,
			@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate date, Model model) {
		CurrentUser caller = CurrentUser.required();
		if (start == null) {
			prepare(model, caller, id, therapist, date);
			model.addAttribute("error", "Please choose a new time.");
			return MOVE;
		}
		try {
			Appointment moved = this.bookings.move(caller, new AppointmentId(id),
					(therapist != null) ? new TherapistId(therapist) : null, start.toInstant());
			Clinic clinic = this.clinics.get(moved.clinicId());
			LocalDate day = clinic.localDate(moved.start());
			return (caller.client() != null) ? "redirect:/me/appointments"
					: (caller.therapist() != null) ? "redirect:/day?date=" + day : "redirect:/calendar?date=" + day;
		}
		catch (ProblemException refused) {
			if (refused.status() == HttpStatus.NOT_FOUND || refused.status() == HttpStatus.FORBIDDEN) {
				throw refused;
			}
			prepare(model, caller, id, therapist, start.toLocalDate());
			model.addAttribute("error", refused.getMessage());
			return MOVE;
		}
	}

	private void prepare(Model model, CurrentUser caller, UUID id, UUID therapistId, LocalDate date) {
		Appointment appointment = this.bookings.read(caller, new AppointmentId(id));
		Clinic clinic = this.clinics.get(appointment.clinicId());
		boolean frontDesk = caller.isAdminOf(clinic.id());
		// The front desk chooses among the therapists qualified for the session's
		// technique;
		// everyone else keeps the session's therapist.
		List<Therapist> choices = !frontDesk ? List.of(this.therapists.get(appointment.therapistId()))
				: (appointment.technique() != null) ? this.therapists.certifiedIn(clinic.id(), appointment.technique())
						: this.therapists.all(clinic.id());
		TherapistId wanted = (frontDesk && therapistId != null) ? new TherapistId(therapistId)
				: appointment.therapistId();
		Therapist chosen = choices.stream()
			.filter(candidate -> candidate.id().equals(wanted))
			.findFirst()
			.orElseThrow(() -> new RecordNotFound("Therapist", wanted));
		LocalDate day = (date != null) ? date : clinic.localDate(appointment.start());
		model.addAttribute("appointment", appointment);
		model.addAttribute("clinic", clinic);
		model.addAttribute("client", this.clients.get(appointment.clientId()).name());
		model.addAttribute("service", this.clinics.service(clinic.id(), appointment.service()));
		model.addAttribute("current", clinic.localTime(appointment.start()));
		model.addAttribute("currentTherapist", this.therapists.get(appointment.therapistId()).name());
		model.addAttribute("frontDesk", frontDesk);
		model.addAttribute("therapists", choices);
		model.addAttribute("therapist", chosen);
		model.addAttribute("date", day);
		model.addAttribute("slots", this.availability.toMove(appointment, chosen.id(), day, day)
			.stream()
			.map(slot -> new Offered(clinic.localTime(slot.start()).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
					TIME.format(clinic.localTime(slot.start())) + "–" + TIME.format(clinic.localTime(slot.end()))))
			.toList());
	}

	/** A time offered for the move: its value for the form and its label. */
	record Offered(String start, String label) {
	}

}
