package org.backcare.platform;

import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * A page form's binding and validation errors as one sentence for the person who sent it:
 * "Jurisdiction: must not be blank. Valid from: please enter a date." The form is bound
 * by Spring to the same record the API takes, so the same constraints speak to both;
 * labels and messages come from the {@link MessageSource} (a label is the message
 * {@code <form>.<field>}), never from matching message text, so they read the same in
 * every browser language.
 */
public final class FormProblems {

	private FormProblems() {
	}

	public static String of(BindingResult binding, MessageSource messages, Locale locale, String form) {
		return binding.getFieldErrors()
			.stream()
			.map(error -> label(error, messages, locale, form) + ": " + messages.getMessage(error, locale) + ".")
			.distinct()
			.collect(Collectors.joining(" "));
	}

	private static String label(FieldError error, MessageSource messages, Locale locale, String form) {
		return messages.getMessage(form + "." + error.getField(), null, error.getField(), locale);
	}

}
