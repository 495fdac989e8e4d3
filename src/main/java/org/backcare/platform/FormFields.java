package org.backcare.platform;

/**
 * Reading a page's form fields that are not free text: a whole number or one of a list,
 * empty meaning not given; anything else is an {@link InvalidRequest} that says which
 * field and what was sent (shortened), for the page to show beside the form.
 */
public final class FormFields {

	private FormFields() {
	}

	/** A whole number, or null when the field was left empty. */
	public static Integer wholeNumber(String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException notANumber) {
			throw new InvalidRequest(field + " must be a whole number, not '" + shorten(value) + "'.");
		}
	}

	/** One of the enum's constants by name, or null when the field was left empty. */
	public static <E extends Enum<E>> E choice(Class<E> type, String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip());
		}
		catch (IllegalArgumentException unknown) {
			throw new InvalidRequest("There is no " + field + " called '" + shorten(value) + "'.");
		}
	}

	private static String shorten(String value) {
		return (value.length() > 40) ? value.substring(0, 40) + "…" : value;
	}

}
