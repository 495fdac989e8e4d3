package org.backcare.notification;

import java.util.UUID;

import org.backcare.account.CurrentUser;
import org.backcare.clinic.Clinics;
import org.backcare.platform.RecordNotFound;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The clinic's mail, for its admins: every message with whether it was sent, is waiting
 * for another attempt or was given up (those first, with the server's last answer), and
 * what it said, with its invite. With the embedded mail server (the default run) this is
 * the mailbox where a new user reads what BackCare sent.
 */
@Controller
class MailboxPage {

	static final int SHOWN = 100;

	private final Outbox outbox;

	private final Clinics clinics;

	private final MailMode mode;

	private final MailProperties properties;

	MailboxPage(Outbox outbox, Clinics clinics, MailMode mode, MailProperties properties) {
		this.outbox = outbox;
		this.clinics = clinics;
		this.mode = mode;
		this.properties = properties;
	}

	@GetMapping("/admin/mailbox")
	String mailbox(Model model) {
		CurrentUser admin = CurrentUser.required();
		model.addAttribute("clinic", this.clinics.get(admin.clinic()));
		model.addAttribute("failed", this.outbox.failed(admin.clinic(), SHOWN));
		model.addAttribute("messages",
				this.outbox.latest(admin.clinic(), SHOWN)
					.stream()
					.map(entry -> new Shown(entry,
							this.mode.shown(entry.text(), entry.secretLink(), this.properties.baseUrl())))
					.toList());
		return "notification/mailbox";
	}

	/** A message with its text as admins may read it. */
	record Shown(Outbox.Entry entry, String text) {
	}

	@GetMapping("/admin/mailbox/{id}/invite.ics")
	ResponseEntity<String> invite(@PathVariable UUID id) {
		String calendar = this.outbox.calendar(CurrentUser.required().clinic(), id)
			.orElseThrow(() -> new RecordNotFound("Invite", id));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("text/calendar;charset=UTF-8"))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"invite.ics\"")
			.body(calendar);
	}

}
