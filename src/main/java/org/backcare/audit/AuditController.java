package org.backcare.audit;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.backcare.account.Accounts;
import org.backcare.account.CurrentUser;
import org.backcare.account.SecurityEvent;
import org.backcare.client.Clients;
import org.backcare.clinic.Clinic;
import org.backcare.clinic.Clinics;
import org.backcare.platform.InvalidRequest;
import org.backcare.therapist.CredentialChanged;
import org.backcare.therapist.Therapists;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Browsing the audit log: admins only (see the security configuration), their own clinic
 * only.
 */
@Controller
@Tag(name = "Audit")
@SecurityRequirement(name = "bearer")
class AuditController {

	static final String PAGE = "audit/auditLog";

	/**
	 * Every action the log can hold, for the filter: health records, security and
	 * credential events.
	 */
	static final List<String> ACTIONS = Stream
		.of(Arrays.stream(RecordAction.values()).map(Enum::name),
				Arrays.stream(SecurityEvent.Action.values()).map(Enum::name),
				Arrays.stream(CredentialChanged.Change.values()).map(Enum::name))
		.flatMap(names -> names)
		.sorted()
		.toList();

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss", Locale.ENGLISH);

	private final AuditLog log;

	private final Clinics clinics;

	private final Accounts accounts;

	private final Clients clients;

	private final Therapists therapists;

	AuditController(AuditLog log, Clinics clinics, Accounts accounts, Clients clients, Therapists therapists) {
		this.log = log;
		this.clinics = clinics;
		this.accounts = accounts;
		this.clients = clients;
		this.therapists = therapists;
	}

	@GetMapping("/api/v1/admin/audit")
	@ResponseBody
	@Operation(summary = "Audit entries of the admin's clinic, newest first",
			description = "Every read and write of health data and every security event. Filter by actor account, "
					+ "subject client, action and a time range.")
	List<AuditLog.Entry> entries(@RequestParam(required = false) UUID actor,
			@RequestParam(required = false) UUID subject,
			@RequestParam(required = false) @Pattern(regexp = "[A-Z_]{2,40}") String action,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
			@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
		return search(actor, subject, action, from, to, limit);
	}

	@GetMapping("/admin/audit")
	String page(@RequestParam(required = false) UUID actor, @RequestParam(required = false) UUID subject,
			@RequestParam(required = false) String action, Model model) {
		CurrentUser admin = CurrentUser.required();
		String wanted = ACTIONS.contains(action) ? action : null;
		Clinic clinic = this.clinics.get(admin.clinic());
		AuditNames names = AuditNames.of(clinic.id(), this.accounts, this.clients, this.therapists);
		model.addAttribute("entries",
				search(actor, subject, wanted, null, null, 200).stream()
					.map(entry -> new Line(WHEN.format(clinic.localTime(entry.at())), entry.action(), entry.outcome(),
							names.actor(entry.actorAccountId(), entry.actorRole()),
							names.record(entry.recordType(), entry.recordId()), names.client(entry.subjectClientId()),
							entry.ip(), entry.detail()))
					.toList());
		model.addAttribute("zone", clinic.zone().getId());
		model.addAttribute("people", names.people());
		model.addAttribute("clients", names.clientsForPicker());
		model.addAttribute("actions", ACTIONS);
		model.addAttribute("actor", actor);
		model.addAttribute("subject", subject);
		model.addAttribute("action", wanted);
		return PAGE;
	}

	/** One row of the page: names instead of ids, the time in the clinic's own zone. */
	record Line(String when, String action, String outcome, String actor, String record, String client, String ip,
			String detail) {
	}

	private List<AuditLog.Entry> search(UUID actor, UUID subject, String action, Instant from, Instant to, int limit) {
		if (from != null && to != null && !to.isAfter(from)) {
			throw new InvalidRequest("'to' must be after 'from'.");
		}
		CurrentUser admin = CurrentUser.required();
		return this.log.search(admin.clinic(), new AuditLog.Filter(actor, subject, action, from, to, limit));
	}

}
