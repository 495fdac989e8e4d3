package org.backcare.frontdesk;

import org.backcare.account.CurrentUser;
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

	DashboardPage(Dashboard dashboard, org.backcare.therapist.Therapists therapists, UndeliveredMail undelivered) {
		this.dashboard = dashboard;
		this.therapists = therapists;
		this.undelivered = undelivered;
	}

	@GetMapping("/admin")
	String dashboard(Model model) {
		Dashboard.Attention attention = this.dashboard.of(CurrentUser.required());
		model.addAttribute("attention", attention);
		model.addAttribute("therapists", this.therapists.everyone(CurrentUser.required().clinic()));
		model.addAttribute("undelivered", this.undelivered.count(CurrentUser.required().clinic()));
		// The longest bar of the referral chart stands for the largest count.
		model.addAttribute("referralMax", Math.max(1,
				attention.referrals().bySource().values().stream().mapToLong(Long::longValue).max().orElse(1)));
		return "frontdesk/dashboard";
	}

}
