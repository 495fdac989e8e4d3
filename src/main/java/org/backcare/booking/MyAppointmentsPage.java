package org.backcare.booking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.backcare.account.CurrentUser;
import org.backcare.clinic.Clinic;
import org.backcare.clinic.ClinicPolicies;
import org.backcare.clinic.Clinics;
import org.backcare.platform.ProblemException;
import org.backcare.therapist.Therapists;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "My appointments": where a client lands after signing in. Their coming sessions, each
 * with a way to cancel while the clinic's cancellation window allows it (and, inside it,
 * how to reach the clinic instead), and their past ones. Each session shown is an audited
 * read.
 */
@Controller
class MyAppointmentsPage {

	static final String PAGE = "booking/my-appointments";

	private final Bookings bookings;

	private final Clinics clinics;

	private final Therapists therapists;

	private final Clock clock;

	private final List<ClientPrompt> prompts;

	MyAppointmentsPage(Bookings bookings, Clinics clinics, Therapists therapists, Clock clock,
			List<ClientPrompt> prompts) {
		this.prompts = prompts;
		this.bookings = bookings;
		this.clinics = clinics;
		this.therapists = therapists;
		this.clock = clock;
	}

	/**
	 * The client's sessions, to come and past. The reads in one transaction: each
	 * session's audit entry, and the prompts', go to the database together as it commits
	 * (outside one, each would be a statement of its own).
	 */
	@GetMapping("/me/appointments")
	@Transactional
	String page(Model model) {
		CurrentUser me = CurrentUser.required();
		Clinic clinic = this.clinics.get(me.clinic());
		ClinicPolicies policies = this.clinics.policies(clinic.id());
		Instant now = this.clock.instant();
		List<Line> all = this.bookings.ofClient(me.client())
			.stream()
			.map(appointment -> this.bookings.shown(me, appointment))
			.map(appointment -> new Line(appointment, this.therapists.get(appointment.therapistId()).name(),
					this.clinics.service(clinic.id(), appointment.service()).name(),
					clinic.localTime(appointment.start()), clinic.localTime(appointment.end()),
					appointment.isActive() && policies.mayChangeOnline(appointment.start(), now),
					(appointment.isActive() || appointment.status() == AppointmentStatus.COMPLETED)
							&& !appointment.end().isAfter(now)
							&& now.isBefore(appointment.end().plus(ASK_FEEDBACK_FOR))))
			.toList();
		model.addAttribute("clinic", clinic);
		model.addAttribute("prompts", this.prompts.stream().flatMap(prompt -> prompt.promptFor(me).stream()).toList());
		model.addAttribute("window", CancellationPolicy.describe(policies.cancellationWindow()));
		model.addAttribute("upcoming",
				all.stream()
					.filter(line -> line.appointment().isActive() && line.appointment().start().isAfter(now))
					.toList());
		model.addAttribute("past",
				all.stream()
					.filter(line -> !(line.appointment().isActive() && line.appointment().start().isAfter(now)))
					.sorted((a, b) -> b.appointment().start().compareTo(a.appointment().start()))
					.toList());
		return PAGE;
	}

	/**
	 * Cancels from a page (the client on their list, or staff): the same rules as the
	 * API.
	 */
	@PostMapping("/appointments/{id}/cancel")
	String cancel(@PathVariable UUID id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		CurrentUser caller = CurrentUser.required();
		String why = (reason == null || reason.isBlank()) ? "Cancelled online" : reason.strip();
		try {
			this.bookings.cancel(caller, new AppointmentId(id), (why.length() > 500) ? why.substring(0, 500) : why);
			redirect.addFlashAttribute("done", "The session is cancelled and its time is free again.");
		}
		catch (ProblemException refused) {
			if (refused.status() == HttpStatus.NOT_FOUND || refused.status() == HttpStatus.FORBIDDEN) {
				throw refused;
			}
			redirect.addFlashAttribute("problem", refused.getMessage());
		}
		return (caller.client() != null) ? "redirect:/me/appointments" : "redirect:/appointments/" + id;
	}

	/**
	 * One session on the list, with whether it may still be cancelled online, and whether
	 * to ask how it went: held, ended, and within the week feedback stays open (the
	 * feedback module's rule; its page says so past it).
	 */
	public record Line(Appointment appointment, String therapist, String service, OffsetDateTime start,
			OffsetDateTime end, boolean mayCancelOnline, boolean askFeedback) {
	}

	/** How long after a session the list asks how it went. */
	static final Duration ASK_FEEDBACK_FOR = Duration.ofDays(7);

}
