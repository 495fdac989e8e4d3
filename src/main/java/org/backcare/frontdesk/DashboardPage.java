package org.backcare.frontdesk;

import org.backcare.account.CurrentUser;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The front desk's page: the same work list as {@code GET /api/v1/admin/dashboard}. */
@Controller
class DashboardPage {

	private final Dashboard dashboard;

	private final org.backcare.therapist.Therapists therapists;

	DashboardPage(Dashboard dashboard, org.backcare.therapist.Therapists therapists) {
		this.dashboard = dashboard;
		this.therapists = therapists;
	}

	@GetMapping("/admin")
	String dashboard(Model model) {
		Dashboard.Attention attention = this.dashboard.of(CurrentUser.required());
		model.addAttribute("attention", attention);
		model.addAttribute("therapists", this.therapists.everyone(CurrentUser.required().clinic()));
		// The longest bar of the referral chart stands for the largest count.
		model.addAttribute("referralMax", Math.max(1,
				attention.referrals().bySource().values().stream().mapToLong(Long::longValue).max().orElse(1)));
		return "frontdesk/dashboard";
	}

}
