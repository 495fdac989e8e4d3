package org.backcare.frontdesk;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.backcare.account.CurrentUser;
import org.backcare.client.Clients;
import org.backcare.clinic.Clinic;
import org.backcare.clinic.Clinics;
import org.backcare.notes.SessionNotes;
import org.backcare.notification.UndeliveredMail;

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
		model.addAttribute("therapists", this.therapists.everyone(CurrentUser.required().clinic()));
		model.addAttribute("undelivered", this.undelivered.count(CurrentUser.required().clinic()));
		Clinic clinic = this.clinics.get(CurrentUser.required().clinic());
		model.addAttribute("notesDue",
				this.notes.due(CurrentUser.required())
					.stream()
					.map(due -> new NoteDueLine(due.appointment().value(), clinic.localTime(due.start()),
							this.therapists.name(due.therapist()), this.clients.get(due.client()).name()))
					.toList());
		// The longest bar of the referral chart stands for the largest count.
		model.addAttribute("referralMax", Math.max(1,
				attention.referrals().bySource().values().stream().mapToLong(Long::longValue).max().orElse(1)));
		return "frontdesk/dashboard";
	}

}
