package org.backcare.frontdesk;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.backcare.account.CurrentUser;
import org.backcare.client.ClientId;
import org.backcare.client.Clients;
import org.backcare.clinic.Clinic;
import org.backcare.clinic.Clinics;
import org.backcare.notes.NoteDue;
import org.backcare.notes.SessionNotes;
import org.backcare.notification.UndeliveredMail;
import org.backcare.therapist.Therapist;
import org.backcare.therapist.TherapistId;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The front desk's page: the same work list as {@code GET /api/v1/admin/dashboard}. */
@Controller
class DashboardPage {

	private final Dashboard dashboard;

	private final org.backcare.therapist.Therapists therapists;

	private final UndeliveredMail undelivered;

	private final SessionNotes notes;

	private final Clients clients;

	private final Clinics clinics;

	DashboardPage(Dashboard dashboard, org.backcare.therapist.Therapists therapists, UndeliveredMail undelivered,
			SessionNotes notes, Clients clients, Clinics clinics) {
		this.dashboard = dashboard;
		this.therapists = therapists;
		this.undelivered = undelivered;
		this.notes = notes;
		this.clients = clients;
		this.clinics = clinics;
	}

	/**
	 * A session held without a signed note a day on, as the front desk's list shows it.
	 */
	record NoteDueLine(UUID appointment, OffsetDateTime start, String therapist, String client) {
	}

	@GetMapping("/admin")
	String dashboard(Model model) {
		Dashboard.Attention attention = this.dashboard.of(CurrentUser.required());
		model.addAttribute("attention", attention);
		List<Therapist> staff = this.therapists.everyone(CurrentUser.required().clinic());
		model.addAttribute("therapists", staff);
		model.addAttribute("undelivered", this.undelivered.count(CurrentUser.required().clinic()));
		Clinic clinic = this.clinics.get(CurrentUser.required().clinic());
		List<NoteDue> due = this.notes.due(CurrentUser.required());
		// Names from the staff list above and one read of the clients: not a query per
		// line.
		Map<TherapistId, String> therapistNames = staff.stream()
			.collect(Collectors.toMap(Therapist::id, Therapist::name));
		Map<ClientId, String> clientNames = this.clients.names(due.stream().map(NoteDue::client).toList());
		model.addAttribute("notesDue",
				due.stream()
					.map(line -> new NoteDueLine(line.appointment().value(), clinic.localTime(line.start()),
							therapistNames.get(line.therapist()), clientNames.get(line.client())))
					.toList());
		// The longest bar of the referral chart stands for the largest count.
		model.addAttribute("referralMax", Math.max(1,
				attention.referrals().bySource().values().stream().mapToLong(Long::longValue).max().orElse(1)));
		return "frontdesk/dashboard";
	}

}
