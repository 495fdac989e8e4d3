package org.backcare.account;

import java.util.UUID;

import org.backcare.platform.InvalidRequest;
import org.backcare.platform.ProblemException;
import org.backcare.therapist.TherapistId;
import org.backcare.therapist.Therapists;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The clinic's accounts on a page, for its admins: who can sign in, in which role;
 * disable, enable again, make a staff account a therapist or an admin. The same rules as
 * the API ({@link AccountAdministration}); a refusal is said on the page.
 */
@Controller
class AdminAccountsPage {

	static final String PAGE = "account/accounts";

	private final AccountAdministration administration;

	private final Therapists therapists;

	private final Invitations invitations;

	AdminAccountsPage(AccountAdministration administration, Therapists therapists, Invitations invitations) {
		this.administration = administration;
		this.therapists = therapists;
		this.invitations = invitations;
	}

	@GetMapping("/admin/accounts")
	String accounts(Model model) {
		CurrentUser admin = CurrentUser.required();
		model.addAttribute("accounts", this.administration.all(admin)
			.stream()
			.map(account -> new Row(account, this.administration.enabled(account), account.id().equals(admin.id())))
			.toList());
		model.addAttribute("therapists", this.therapists.everyone(admin.clinic()));
		return PAGE;
	}

	@PostMapping("/admin/accounts/{id}/disable")
	String disable(@PathVariable UUID id, RedirectAttributes redirect) {
		return done(redirect, () -> this.administration.disable(CurrentUser.required(), id), "Disabled.");
	}

	@PostMapping("/admin/accounts/{id}/enable")
	String enable(@PathVariable UUID id, RedirectAttributes redirect) {
		return done(redirect, () -> this.administration.enable(CurrentUser.required(), id), "Enabled again.");
	}

	@PostMapping("/admin/accounts/{id}/role")
	String role(@PathVariable UUID id, @RequestParam Role role, @RequestParam(required = false) UUID therapist,
			RedirectAttributes redirect) {
		return done(redirect, () -> this.administration.changeRole(CurrentUser.required(), id, role, therapist),
				"Role changed; their sessions have ended, they sign in again.");
	}

	/**
	 * Invites a therapist (for their therapist record) or an admin: the invitation is
	 * mailed to them; the admin never sees its link.
	 */
	@PostMapping("/admin/invitations")
	String invite(@RequestParam(required = false) String email, @RequestParam(required = false) Role role,
			@RequestParam(required = false) UUID therapist, RedirectAttributes redirect) {
		String address = (email != null) ? email.strip() : "";
		return done(redirect, () -> {
			if (role == null || address.isEmpty() || address.length() > 320
					|| !address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
				throw new InvalidRequest("Give the e-mail address to invite and whether as therapist or admin.");
			}
			this.invitations.invite(CurrentUser.required(), address, role,
					(role == Role.THERAPIST && therapist != null) ? new TherapistId(therapist) : null);
		}, "Invitation mailed to " + address + "; its link works for a week.");
	}

	/** Does the change and goes back to the list, saying what happened or why not. */
	private static String done(RedirectAttributes redirect, Runnable change, String success) {
		try {
			change.run();
			redirect.addFlashAttribute("done", success);
		}
		catch (ProblemException refused) {
			if (refused.status() == HttpStatus.NOT_FOUND) {
				throw refused;
			}
			redirect.addFlashAttribute("problem", refused.getMessage());
		}
		return "redirect:/admin/accounts";
	}

	/** One account as listed: {@code self} is the admin looking. */
	record Row(CurrentUser account, boolean enabled, boolean self) {
	}

}
