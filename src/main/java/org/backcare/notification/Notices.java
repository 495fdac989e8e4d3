package org.backcare.notification;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.backcare.client.ClientId;
import org.backcare.clinic.Clinic;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.stereotype.Component;

/**
 * A short notice from the clinic: a few lines and one link, in text and HTML
 * ({@code mail/notice}). {@code client}: the client it goes to, when it goes to one.
 */
@Component
class Notices {

	private final ITemplateEngine templates;

	Notices(ITemplateEngine templates) {
		this.templates = templates;
	}

	Mail of(Clinic clinic, String to, String kind, String subject, List<String> lines, String link, String linkText,
			ClientId client) {
		Context context = new Context(Locale.ENGLISH,
				Map.of("clinic", clinic, "lines", lines, "link", link, "linkText", linkText));
		return new Mail(clinic.id(), client, kind, null, to, subject,
				this.templates.process("mail/notice.txt", context), this.templates.process("mail/notice", context),
				null, null);
	}

}
