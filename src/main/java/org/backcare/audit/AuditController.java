package org.backcare.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.backcare.account.CurrentUser;
import org.backcare.platform.InvalidRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** Browsing the audit log: admins only (see the security configuration), their own clinic only. */
@Controller
@Tag(name = "Audit")
@io.swagger.v3.oas.annotations.security.SecurityRequirement(name = "bearer")
class AuditController {

	static final String PAGE = "audit/auditLog";

	private final AuditLog log;

	AuditController(AuditLog log) {
		this.log = log;
	}

	@GetMapping("/api/v1/admin/audit")
	@ResponseBody
	@Operation(summary = "Audit entries of the admin's clinic, newest first",
			description = "Every read and write of health data and every security event. Filter by actor account, "
					+ "subject client, action and a time range.")
	List<AuditLog.Entry> entries(@RequestParam(required = false) UUID actor, @RequestParam(required = false) UUID subject,
			@RequestParam(required = false) @Pattern(regexp = "[A-Z_]{2,40}") String action,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
			@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
		return search(actor, subject, action, from, to, limit);
	}

	@GetMapping("/admin/audit")
	String page(@RequestParam(required = false) UUID actor, @RequestParam(required = false) UUID subject,
			@RequestParam(required = false) String action, Model model) {
		String wanted = (action != null && action.matches("[A-Z_]{2,40}")) ? action : null;
		model.addAttribute("entries", search(actor, subject, wanted, null, null, 200));
		model.addAttribute("actor", actor);
		model.addAttribute("subject", subject);
		model.addAttribute("action", wanted);
		return PAGE;
	}

	private List<AuditLog.Entry> search(UUID actor, UUID subject, String action, Instant from, Instant to, int limit) {
		if (from != null && to != null && !to.isAfter(from)) {
			throw new InvalidRequest("'to' must be after 'from'.");
		}
		CurrentUser admin = CurrentUser.required();
		return this.log.search(admin.clinic(), new AuditLog.Filter(actor, subject, action, from, to, limit));
	}

}
